package dev.minstrel.library.scan;

import dev.minstrel.library.catalogue.FolderImage;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.store.CatalogueStore.SkippedFile;

import java.time.Instant;
import java.util.Map;

/**
 * What the scanner knows between scans, as stored: tracks and unreadable files by relative path,
 * folder images by relative folder path.
 *
 * @param lastModified when the catalogue last changed
 * @param lastScan     when a scan last finished, or null before the first
 */
public record LibraryState(Map<String, Track> tracks, Map<String, FolderImage> folderImages,
                           Map<String, SkippedFile> skipped, Instant lastModified, Instant lastScan) {

    public LibraryState {
        tracks = Map.copyOf(tracks);
        folderImages = Map.copyOf(folderImages);
        skipped = Map.copyOf(skipped);
    }
}
