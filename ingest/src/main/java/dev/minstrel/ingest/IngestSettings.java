package dev.minstrel.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How ingest runs. Defaults suit a Raspberry Pi: one download at a time.
 *
 * @param spotdl            the spotDL executable; null: look for {@code spotdl} on {@link #searchPath} when a job starts
 * @param ytDlp             the yt-dlp executable; null: look for {@code yt-dlp} on the search path
 * @param searchPath        PATH used to find the downloaders and handed to them (they need ffmpeg on it)
 * @param stagingDir        per-job working folders (same filesystem as the music folder keeps moves atomic)
 * @param homeDir           HOME for the downloaders: spotDL keeps config, temp files and its token cache there
 * @param concurrency       jobs downloading at once on this instance
 * @param jobTimeout        a run that takes longer is stopped and retried
 * @param maxAttempts       runs per job before a transient failure becomes final
 * @param retryBackoff      wait before the second run; doubled for each further run
 * @param diskReserveBytes  a job does not start when less than this is free in the music folder
 * @param format            audio format asked of the downloaders
 * @param bitrate           spotDL's {@code --bitrate} (auto, 128k, ...)
 * @param spotifyClientId   your own Spotify app (the shared default app is rate limited); null: spotDL's
 * @param spotifyClientSecret its secret
 * @param lease             how long a worker owns a running job without renewing it
 * @param pollInterval      how often idle workers look for due and orphaned jobs
 * @param rateLimitMaxWait  a downloader told to wait longer than this by Spotify is stopped and the job retried later
 * @param stopGrace         time between asking a downloader to stop and killing it
 * @param node              this instance's name in leases and consumer groups
 */
public record IngestSettings(Path spotdl, Path ytDlp, String searchPath, Path stagingDir, Path homeDir,
                             int concurrency, Duration jobTimeout, int maxAttempts, Duration retryBackoff,
                             long diskReserveBytes, String format, String bitrate, String spotifyClientId,
                             String spotifyClientSecret, Duration lease, Duration pollInterval,
                             Duration rateLimitMaxWait, Duration stopGrace, String node) {

    public IngestSettings {
        Objects.requireNonNull(stagingDir, "stagingDir");
        Objects.requireNonNull(homeDir, "homeDir");
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (!"mp3".equals(format)) {
            throw new IllegalArgumentException("format: only mp3 is supported");
        }
        searchPath = searchPath != null ? searchPath : Objects.requireNonNullElse(System.getenv("PATH"), "/usr/bin:/bin");
        node = node != null && !node.isBlank() ? node : "local";
        if (node.contains("/")) {
            throw new IllegalArgumentException("node must not contain '/'");
        }
    }

    /** Pi defaults under the data folder: {@code <data>/ingest/staging} and {@code <data>/ingest/home}. */
    public static IngestSettings defaults(Path dataDir) {
        Path ingest = dataDir.resolve("ingest");
        return new IngestSettings(null, null, null, ingest.resolve("staging"), ingest.resolve("home"), 1,
                Duration.ofMinutes(30), 3, Duration.ofSeconds(30), 1L << 30, "mp3", "auto", null, null,
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(5), "local");
    }

    /** Where running downloaders' process groups are recorded: beside the staging folder. */
    public Path processGroupsDir() {
        return stagingDir.resolveSibling("processes");
    }

    public IngestSettings withDownloaders(Path spotdl, Path ytDlp, String searchPath) {
        return new IngestSettings(spotdl, ytDlp, searchPath, stagingDir, homeDir, concurrency, jobTimeout, maxAttempts,
                retryBackoff, diskReserveBytes, format, bitrate, spotifyClientId, spotifyClientSecret, lease,
                pollInterval, rateLimitMaxWait, stopGrace, node);
    }

    public IngestSettings withLimits(int concurrency, Duration jobTimeout, int maxAttempts, Duration retryBackoff,
                                     long diskReserveBytes) {
        return new IngestSettings(spotdl, ytDlp, searchPath, stagingDir, homeDir, concurrency, jobTimeout, maxAttempts,
                retryBackoff, diskReserveBytes, format, bitrate, spotifyClientId, spotifyClientSecret, lease,
                pollInterval, rateLimitMaxWait, stopGrace, node);
    }

    public IngestSettings withTiming(Duration lease, Duration pollInterval, Duration stopGrace, String node) {
        return new IngestSettings(spotdl, ytDlp, searchPath, stagingDir, homeDir, concurrency, jobTimeout, maxAttempts,
                retryBackoff, diskReserveBytes, format, bitrate, spotifyClientId, spotifyClientSecret, lease,
                pollInterval, rateLimitMaxWait, stopGrace, node);
    }
}
