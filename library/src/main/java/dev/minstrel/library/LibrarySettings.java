package dev.minstrel.library;

import dev.minstrel.library.catalogue.CatalogueSettings;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the library runs.
 *
 * @param musicDir            the music folder (created when missing)
 * @param cacheDir            where scaled cover art is cached
 * @param scanInterval        time between scheduled incremental scans; zero turns them off
 * @param watch               whether new or changed files trigger a scan (after ~2 s of quiet)
 * @param thumbnailCacheBytes bound on the cover art cache
 * @param scanThreads         threads reading tags during a scan
 */
public record LibrarySettings(Path musicDir, Path cacheDir, CatalogueSettings catalogue, Duration scanInterval,
                              boolean watch, long thumbnailCacheBytes, int scanThreads) {

    public LibrarySettings {
        if (musicDir == null || cacheDir == null) {
            throw new IllegalArgumentException("musicDir and cacheDir are required");
        }
        catalogue = catalogue == null ? CatalogueSettings.DEFAULTS : catalogue;
        scanInterval = scanInterval == null ? Duration.ZERO : scanInterval;
        if (scanInterval.isNegative()) {
            throw new IllegalArgumentException("scanInterval must not be negative");
        }
        if (thumbnailCacheBytes <= 0 || scanThreads <= 0) {
            throw new IllegalArgumentException("thumbnailCacheBytes and scanThreads must be positive");
        }
    }

    /** Raspberry Pi friendly: hourly scans, watching on, 64 MiB of thumbnails, two reader threads. */
    public static LibrarySettings defaults(Path musicDir, Path cacheDir) {
        return new LibrarySettings(musicDir, cacheDir, CatalogueSettings.DEFAULTS, Duration.ofHours(1), true,
                64L * 1024 * 1024, 2);
    }

    public LibrarySettings withScanInterval(Duration interval) {
        return new LibrarySettings(musicDir, cacheDir, catalogue, interval, watch, thumbnailCacheBytes, scanThreads);
    }

    public LibrarySettings withWatch(boolean enabled) {
        return new LibrarySettings(musicDir, cacheDir, catalogue, scanInterval, enabled, thumbnailCacheBytes, scanThreads);
    }

    public LibrarySettings withCatalogue(CatalogueSettings settings) {
        return new LibrarySettings(musicDir, cacheDir, settings, scanInterval, watch, thumbnailCacheBytes, scanThreads);
    }

    public LibrarySettings withThumbnailCacheBytes(long bytes) {
        return new LibrarySettings(musicDir, cacheDir, catalogue, scanInterval, watch, bytes, scanThreads);
    }
}
