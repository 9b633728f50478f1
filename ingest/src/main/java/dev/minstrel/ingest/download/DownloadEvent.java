package dev.minstrel.ingest.download;

import dev.minstrel.ingest.link.Link;

import java.nio.file.Path;

/**
 * What a downloader said, parsed from its output. A song is named by {@code key}: spotDL's
 * "First Artist - Title", or yt-dlp's video id.
 */
public sealed interface DownloadEvent {

    /** A list link resolved to {@code count} songs. */
    record ListFound(int count, String name) implements DownloadEvent {
    }

    /** A song moved on; artist and title are null when the downloader did not name them here. */
    record SongProgress(String key, String artist, String title, int percent) implements DownloadEvent {

        /** The downloader has finished the song's file. */
        public static final int DOWNLOADED = 90;
    }

    /** The downloader wrote the song's final file (yt-dlp tells where; spotDL never does). */
    record SongFile(String key, Path file, double expectedSeconds) implements DownloadEvent {
    }

    /**
     * The downloader skipped a song because the library has it (yt-dlp's download archive, which
     * Minstrel fills with the library's videos); {@code source} is the song's own link.
     */
    record SongInLibrary(String key, Link source) implements DownloadEvent {
    }

    /** One song failed; {@code key} is null when the downloader did not say which. */
    record SongFailed(String key, Failure failure) implements DownloadEvent {
    }

    /** Spotify told the downloader to wait this long before its next request. */
    record RateLimited(long seconds) implements DownloadEvent {
    }
}
