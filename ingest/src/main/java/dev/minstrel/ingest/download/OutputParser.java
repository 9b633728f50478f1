package dev.minstrel.ingest.download;

import java.util.Optional;

/**
 * Reads one downloader run's output. Lines arrive from two reader threads, so implementations
 * synchronise; events go to the listener as soon as the line that carries them is read.
 */
public interface OutputParser {

    void stdout(String line);

    void stderr(String line);

    /** After exit: what made the whole run fail, if it did (a non-zero exit is not always one). */
    Optional<Failure> fatal(int exitCode);
}
