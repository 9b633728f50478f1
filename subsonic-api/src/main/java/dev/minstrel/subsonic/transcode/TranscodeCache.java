package dev.minstrel.subsonic.transcode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finished transcodes on disk, at most {@code maxBytes} of them: a second play of the same track
 * in the same format and bit rate is a file, served with byte ranges so players can seek and
 * resume. A file's modification time records its last play; the least recently played go first.
 * Output is written beside its final name as {@code *.part} and renamed only once ffmpeg finished
 * well, so a cut-off transcode is never served; parts left by a stopped server are removed at start.
 */
public final class TranscodeCache {

    private static final Logger log = LoggerFactory.getLogger(TranscodeCache.class);
    private static final String PART = ".part";

    private final Path dir;
    private final long maxBytes;

    public TranscodeCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        if (enabled()) {
            try {
                Files.createDirectories(dir);
                for (Path part : list(PART)) {
                    Files.deleteIfExists(part);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare the transcode cache " + dir, e);
            }
        }
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /** The finished output of this transcode, marked as just played; empty when not cached. */
    public Optional<Path> find(Transcode transcode) {
        if (!enabled() || transcode.offsetSeconds() > 0) {
            return Optional.empty();
        }
        Path file = dir.resolve(transcode.cacheKey());
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            return Optional.of(file);
        } catch (IOException absent) {
            return Optional.empty();
        }
    }

    /** A new temporary file for this transcode's output, or empty when it is not to be cached. */
    Optional<Path> startWriting(Transcode transcode) {
        if (!enabled() || transcode.offsetSeconds() > 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.createTempFile(dir, transcode.cacheKey() + "-", PART));
        } catch (IOException e) {
            log.warn("Cannot write to the transcode cache {}: {}", dir, e.toString());
            return Optional.empty();
        }
    }

    /** Keeps a complete output under its transcode's name, then trims the cache to its size. */
    void finish(Path part, Transcode transcode) {
        Path target = dir.resolve(transcode.cacheKey());
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            trim();
        } catch (IOException e) {
            log.warn("Cannot keep a finished transcode in {}: {}", dir, e.toString());
            discard(part);
        }
    }

    void discard(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            log.warn("Cannot remove the unfinished transcode {}: {}", part, e.toString());
        }
    }

    /** Removes the least recently played transcodes until the rest fit. */
    synchronized void trim() throws IOException {
        record Entry(Path path, long size, long played) {
        }
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        for (Path file : list(null)) {
            if (file.getFileName().toString().endsWith(PART)) {
                continue;
            }
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                entries.add(new Entry(file, attributes.size(), attributes.lastModifiedTime().toMillis()));
                total += attributes.size();
            } catch (IOException gone) {
                // removed by a concurrent trim
            }
        }
        entries.sort(Comparator.comparingLong(Entry::played));
        for (Entry oldest : entries) {
            if (total <= maxBytes) {
                break;
            }
            Files.deleteIfExists(oldest.path());
            total -= oldest.size();
        }
    }

    private List<Path> list(String suffix) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path file : stream) {
                if (suffix == null || file.getFileName().toString().endsWith(suffix)) {
                    files.add(file);
                }
            }
        }
        return files;
    }
}
