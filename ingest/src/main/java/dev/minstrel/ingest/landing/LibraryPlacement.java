package dev.minstrel.ingest.landing;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Files a finished download as {@code Album Artist/Album/NN - Title.ext} in the music folder. The
 * move is atomic (a rename; across filesystems a copy to a hidden name, then a rename), so the
 * scanner and the watcher never see half a file.
 */
public final class LibraryPlacement {

    private static final int MAX_NAME = 120;

    private final Path musicDir;

    public LibraryPlacement(Path musicDir) {
        this.musicDir = musicDir.toAbsolutePath().normalize();
    }

    public Path target(CompletedTags tags, String extension) {
        String number = tags.trackNumber() == null ? "" : String.format(Locale.ROOT, "%02d - ", tags.trackNumber());
        return musicDir.resolve(safe(tags.albumArtist())).resolve(safe(tags.album()))
                .resolve(safe(number + tags.title()) + "." + extension.toLowerCase(Locale.ROOT));
    }

    /** Moves the file in; a different file already at the name gets a " (2)" suffix, never overwritten. */
    public Path moveIn(Path file, CompletedTags tags) throws IOException {
        String name = file.getFileName().toString();
        String extension = name.substring(name.lastIndexOf('.') + 1);
        Path target = target(tags, extension);
        Files.createDirectories(target.getParent());
        String base = target.getFileName().toString();
        base = base.substring(0, base.length() - extension.length() - 1);
        for (int n = 2; Files.exists(target); n++) {
            target = target.resolveSibling(base + " (" + n + ")." + extension.toLowerCase(Locale.ROOT));
        }
        try {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Path hidden = target.resolveSibling("." + target.getFileName() + ".part");
            Files.copy(file, hidden, StandardCopyOption.REPLACE_EXISTING);
            Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE);
            Files.delete(file);
        }
        return target;
    }

    /** A name every common filesystem (ext4, exFAT, NTFS, SMB shares) accepts. */
    static String safe(String name) {
        String cleaned = (name == null ? "" : name).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        cleaned = cleaned.replaceAll("^\\.+", "_").replaceAll("[. ]+$", "");
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_NAME) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_NAME)).strip();
        }
        return cleaned.isEmpty() ? "Unknown" : cleaned;
    }
}
