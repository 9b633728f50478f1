package dev.minstrel.ingest.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A job's working folder, where its downloader writes: emptied before each run and removed after it. */
public record StagingFolder(Path dir) {

    /** Removes what an earlier run left, then creates it empty. */
    public void createEmpty() throws IOException {
        remove();
        Files.createDirectories(dir);
    }

    /** Best effort: what cannot be removed now is removed before the job's next run. */
    public void remove() {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left for the next run
                }
            });
        } catch (IOException e) {
            // same
        }
    }
}
