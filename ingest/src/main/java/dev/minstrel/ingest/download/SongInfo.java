package dev.minstrel.ingest.download;

/**
 * What the downloader knew about a song besides its file: used to check the file's length and to
 * record where it came from.
 *
 * @param key             the song's key in {@link DownloadEvent}s
 * @param sourceUrl       the Spotify or YouTube page of the song
 * @param durationSeconds the length the source announced; 0 when unknown
 * @param isrc            the recording's ISRC, or null when the source did not give one
 */
public record SongInfo(String key, String sourceUrl, double durationSeconds, String isrc) {
}
