package dev.minstrel.library.scan;

import java.time.Instant;
import java.util.List;

/**
 * What the last (or current) scan did.
 *
 * @param filesSeen     audio files found in the music folder so far
 * @param tracksIndexed tracks in the catalogue
 * @param lastScan      when the last scan finished, or null before the first
 */
public record ScanStatus(boolean scanning, int filesSeen, int tracksIndexed, int folderCount,
                         List<SkippedFile> skipped, Instant lastScan, long lastScanMillis) {

    /** A file that could not be read, with the reason in plain words. The path is relative. */
    public record SkippedFile(String path, String reason) {
    }

    public static ScanStatus idle() {
        return new ScanStatus(false, 0, 0, 0, List.of(), null, 0);
    }
}
