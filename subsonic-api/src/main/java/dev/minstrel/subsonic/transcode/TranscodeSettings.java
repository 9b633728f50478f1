package dev.minstrel.subsonic.transcode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How Minstrel transcodes.
 *
 * @param ffmpeg         the ffmpeg executable; null: looked up on PATH at start
 * @param maxConcurrent  ffmpeg processes at once; each real-time transcode takes a fraction of a
 *                       core, and the Pi's four cores also serve every other request
 * @param queueWait      how long a stream waits for a free transcode before it is sent the original
 *                       file instead
 * @param cacheDir       finished transcodes, kept to be served again with byte ranges
 * @param cacheBytes     the cache's size; the least recently played transcodes go first. 0 turns
 *                       the cache off
 * @param defaultBitRate kbit/s of a transcode whose client named a format but no bit rate
 * @param lossyFallback  the format chosen when a client asks only for a lower bit rate and the
 *                       source is not already in a format it could be re-encoded in as is
 *                       (a FLAC, say): Opus sounds best at low rates
 */
public record TranscodeSettings(Path ffmpeg, int maxConcurrent, Duration queueWait, Path cacheDir, long cacheBytes,
                                int defaultBitRate, AudioFormat lossyFallback) {

    /** Pi-friendly defaults with the cache in {@code cacheDir}. */
    public static TranscodeSettings defaults(Path cacheDir) {
        return new TranscodeSettings(null, 2, Duration.ofSeconds(3), cacheDir, 512L * 1024 * 1024, 192, AudioFormat.OPUS);
    }

    public TranscodeSettings {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(queueWait, "queueWait");
        Objects.requireNonNull(lossyFallback, "lossyFallback");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        if (cacheBytes < 0) {
            throw new IllegalArgumentException("cacheBytes must not be negative");
        }
        if (defaultBitRate < 32 || defaultBitRate > 320) {
            throw new IllegalArgumentException("defaultBitRate must be between 32 and 320 kbit/s");
        }
    }

    public TranscodeSettings withMaxConcurrent(int processes) {
        return new TranscodeSettings(ffmpeg, processes, queueWait, cacheDir, cacheBytes, defaultBitRate, lossyFallback);
    }

    public TranscodeSettings withQueueWait(Duration wait) {
        return new TranscodeSettings(ffmpeg, maxConcurrent, wait, cacheDir, cacheBytes, defaultBitRate, lossyFallback);
    }
}
