package dev.minstrel.ingest.download;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a downloader when a job starts (not at boot), so installing one later needs no restart:
 * the configured path if there is one, else the first executable of that name on the search path.
 */
public final class ToolLocator {

    private final String searchPath;

    public ToolLocator(String searchPath) {
        this.searchPath = searchPath;
    }

    public Optional<Path> find(Tool tool, Path configured) {
        if (configured != null) {
            return Files.isExecutable(configured) ? Optional.of(configured) : Optional.empty();
        }
        return find(tool.command());
    }

    /** The first executable named {@code command} on the search path. */
    public Optional<Path> find(String command) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, command);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
