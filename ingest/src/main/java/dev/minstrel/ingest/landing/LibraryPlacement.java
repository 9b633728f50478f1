package dev.minstrel.ingest.landing;

import dev.minstrel.library.catalogue.LibraryPath;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Files a finished download in the music folder where {@link LibraryPath} says it belongs
 * ({@code Album Artist/Album/NN - Title.ext}). The move is atomic (a rename; across filesystems a
 * copy to a hidden name, then a rename), so the scanner and the watcher never see half a file.
 */
public final class LibraryPlacement {

    private final Path musicDir;

    public LibraryPlacement(Path musicDir) {
        this.musicDir = musicDir.toAbsolutePath().normalize();
    }

    public Path target(CompletedTags tags, String extension) {
        return musicDir.resolve(LibraryPath.of(tags.albumArtist(), tags.album(), tags.discNumber(), tags.trackNumber(), tags.title(),
                extension));
    }

    /**
     * Moves the song's synced lyrics ({@code <base>.lrc} beside the downloaded file) beside the
     * song in the library, where getLyricsBySongId reads them; lyrics already there are kept.
     *
     * @param downloaded the song's file as the downloader wrote it (it may have moved since)
     * @param inLibrary  the song's file in the library
     * @return whether lyrics were moved in
     */
    public boolean moveLyricsIn(Path downloaded, Path inLibrary) throws IOException {
        Path lyrics = sibling(downloaded, ".lrc");
        Path target = sibling(inLibrary, ".lrc");
        if (!Files.isRegularFile(lyrics) || Files.exists(target)) {
            return false;
        }
        try {
            Files.move(lyrics, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.copy(lyrics, target);
            Files.delete(lyrics);
        }
        return true;
    }

    private static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
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
}
