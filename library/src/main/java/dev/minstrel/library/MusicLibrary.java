package dev.minstrel.library;

import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.cover.CoverArt;
import dev.minstrel.library.lyrics.Lyrics;
import dev.minstrel.library.scan.ScanStatus;
import dev.minstrel.library.tags.TagEditor;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the rest of Minstrel asks of the music library. Every method is safe to call during a scan. */
public interface MusicLibrary {

    /** The current snapshot; replaced as a whole when a scan finishes. */
    Catalogue catalogue();

    ScanStatus scanStatus();

    /**
     * Starts a scan in the background unless one is running. A full scan re-reads every file; an
     * incremental one re-reads only files whose size or modification time changed.
     *
     * @return true if this call started a scan
     */
    boolean startScan(boolean full);

    /** Scans now, on the calling thread, and returns the status once the new catalogue is visible. */
    ScanStatus scanNow(boolean full);

    /**
     * Indexes the given files (absolute paths inside the music folder) at once, without walking the
     * whole folder, and returns the tracks they became. Used when a download lands.
     */
    List<Track> index(List<Path> files);

    /**
     * Indexes one file whose tags the caller has just completed and saved with {@code written} (a
     * landed download), from the editor rather than reading the file again; the track it became,
     * empty if it is not readable audio.
     */
    default Optional<Track> index(Path file, TagEditor written) {
        return index(List.of(file)).stream().findFirst();
    }

    /** The file behind a track, or empty if it is gone from disk. */
    Optional<Path> file(Track track);

    /**
     * Cover art for a track, album, artist or folder id, scaled so its larger side is at most
     * {@code size} pixels (null: the original). The id may carry a version, as the catalogue's
     * cover art ids do ({@code al-..._<hex>}); a stale version still gets the current art.
     */
    Optional<CoverArt> coverArt(String id, Integer size);

    /** Lyrics of a track: a .lrc file beside it first (synced), else the embedded lyrics tag. */
    Optional<Lyrics> lyrics(Track track);

    /** The root of the music folder. */
    Path musicDir();
}
