package dev.minstrel.ingest.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The free space a job needs in the music folder before it starts, so a download never fills the disk. */
public record DiskReserve(Path musicDir, long reserveBytes) {

    /** Why a job may not start now, or empty when there is room. */
    public Optional<Failure> refusal() {
        try {
            Files.createDirectories(musicDir);
            long free = Files.getFileStore(musicDir).getUsableSpace();
            if (free < reserveBytes) {
                return Optional.of(Failure.permanent(String.format(Locale.ROOT,
                        "Only %d MB are free in the music folder, below the %d MB reserve; free some space and retry.",
                        free >> 20, reserveBytes >> 20)));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(Failure.permanent("The music folder cannot be checked for space: " + e.getMessage()));
        }
    }
}
