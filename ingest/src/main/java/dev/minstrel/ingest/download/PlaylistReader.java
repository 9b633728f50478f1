package dev.minstrel.ingest.download;

import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.link.Link;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads a playlist's entries, in its order, without downloading them: what a watched playlist is
 * compared against. The same tool as its {@link Downloader}, which also says why a run failed.
 */
public interface PlaylistReader {

    /** The downloader of the same tool: where it is, and its output parser for failures. */
    Downloader downloader();

    /** The argument list (never a shell line); the URL comes after {@code --}. */
    List<String> command(Path executable, Link playlist, Path workDir, IngestSettings settings);

    /** What a successful run gave: the playlist's title (null when the tool did not say) and its entries. */
    Listing listing(List<String> stdout, Path workDir);

    /**
     * @param title   the playlist's name at its source, or null
     * @param entries each entry's track link (a Spotify track or a YouTube video), in the playlist's order
     */
    record Listing(String title, List<String> entries) {

        public Listing {
            entries = List.copyOf(entries);
        }
    }
}
