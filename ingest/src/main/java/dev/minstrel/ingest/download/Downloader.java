package dev.minstrel.ingest.download;

import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.landing.KnownSongs;
import dev.minstrel.ingest.link.Link;
import dev.minstrel.library.tags.TagEditor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** One of the external downloaders: how to call it, and how to read what it says. */
public interface Downloader {

    Tool tool();

    /** The configured executable, or null to look the tool up on the search path. */
    Path configuredPath(IngestSettings settings);

    /**
     * Before a run, in a fresh staging folder: what the tool needs in its home folder, and for a
     * tool that can skip songs by itself, the songs the library has already (so that it does not
     * download them). Nothing by default.
     */
    default void prepare(Path staging, IngestSettings settings, KnownSongs library) throws IOException {
    }

    /** The argument list (never a shell line); the URL comes after {@code --}, so it can never be read as an option. */
    List<String> command(Path executable, Link link, Path staging, IngestSettings settings);

    OutputParser parser(Consumer<DownloadEvent> events);

    /**
     * The key of the song a file it wrote holds, read from the file's tags: for a tool that does not
     * say which file is which song (spotDL); empty for one that names its files as it goes (yt-dlp),
     * or while the file is still being written.
     */
    default Optional<String> songKey(TagEditor tags) {
        return Optional.empty();
    }

    /** After the run: what the downloader recorded about each song, by key. */
    Map<String, SongInfo> songs(Path staging);
}
