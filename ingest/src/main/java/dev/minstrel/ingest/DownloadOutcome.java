package dev.minstrel.ingest;

import dev.minstrel.ingest.download.Downloader;
import dev.minstrel.ingest.download.Failure;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a downloader's run ended.
 *
 * @param fatal      what failed the whole run, if anything did (each song's own failure is on its item)
 * @param retryAfter how long the source asked to wait before the next run (a rate limit), if it said
 * @param output     the downloader's last lines (empty when it never ran)
 * @param downloader the downloader that ran, whose files are in the staging folder; empty when none ran
 */
record DownloadOutcome(Optional<Failure> fatal, Optional<Duration> retryAfter, List<String> output,
                       Optional<Downloader> downloader) {

    /** The run was stopped because the job was cancelled or this instance is stopping. */
    static final Failure CANCELLED = Failure.permanent("cancelled");

    static DownloadOutcome failed(Failure failure) {
        return new DownloadOutcome(Optional.of(failure), Optional.empty(), List.of(), Optional.empty());
    }

    boolean cancelled() {
        return fatal.isPresent() && fatal.get() == CANCELLED;
    }
}
