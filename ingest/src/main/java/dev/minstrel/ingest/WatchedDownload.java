package dev.minstrel.ingest;

import dev.minstrel.ingest.download.Causes;
import dev.minstrel.ingest.download.ChildProcess;
import dev.minstrel.ingest.download.Downloader;
import dev.minstrel.ingest.download.Failure;
import dev.minstrel.ingest.download.OutputParser;
import dev.minstrel.ingest.download.OutputTail;
import dev.minstrel.ingest.download.ProcessGroups;
import dev.minstrel.ingest.download.StagingFolder;
import dev.minstrel.ingest.download.ToolEnvironment;
import dev.minstrel.ingest.landing.KnownSongs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * One run of a job's downloader, watched: the child process in the job's staging folder, its output
 * parsed into the run's events, finished files landed as they come, the lease renewed; stopped when
 * the job is cancelled, the lease is lost, this instance stops, the run exceeds the job timeout, or
 * Spotify asks for a longer wait than is worth sitting through.
 */
final class WatchedDownload {

    private static final Duration TICK = Duration.ofMillis(100);
    /** Lines of the downloader's output kept with a job whose run did not fully succeed. */
    private static final int OUTPUT_LINES = 20;

    private final IngestSettings settings;
    private final ToolEnvironment tools;
    private final ProcessGroups processGroups;
    private final Landing landing;
    private final Clock clock;
    private final Predicate<String> cancelled;
    private final BooleanSupplier closing;

    /**
     * @param cancelled whether a job was cancelled (here, or elsewhere as the events said)
     * @param closing   whether this instance is stopping
     */
    WatchedDownload(IngestSettings settings, ToolEnvironment tools, ProcessGroups processGroups, Landing landing,
                    Clock clock, Predicate<String> cancelled, BooleanSupplier closing) {
        this.settings = settings;
        this.tools = tools;
        this.processGroups = processGroups;
        this.landing = landing;
        this.clock = clock;
        this.cancelled = cancelled;
        this.closing = closing;
    }

    /** @param library the songs the library has, for a downloader that can skip them by itself */
    DownloadOutcome run(JobRun run, StagingFolder staging, JobLease lease, KnownSongs library) {
        Optional<Downloader> chosen = tools.downloaderFor(run.link());
        if (chosen.isEmpty()) {
            return DownloadOutcome.failed(ToolEnvironment.noDownloaderFor(run.link()));
        }
        Downloader downloader = chosen.get();
        try {
            staging.createEmpty();
            downloader.prepare(staging.dir(), settings, library);
            return watch(run, downloader, staging.dir(), lease);
        } catch (IOException e) {
            String reason = "Minstrel could not prepare the download folder: " + e.getMessage();
            return DownloadOutcome.failed(Causes.saysDiskFull(String.valueOf(e.getMessage())) ? Causes.diskFull(reason)
                    : Failure.temporary(reason));
        }
    }

    private DownloadOutcome watch(JobRun run, Downloader downloader, Path staging, JobLease lease) throws IOException {
        Path executable = tools.executable(downloader).orElseThrow();
        OutputParser parser = downloader.parser(run::on);
        OutputTail tail = new OutputTail(OUTPUT_LINES, List.of(String.valueOf(settings.spotifyClientSecret())));
        Instant started = clock.instant();
        ChildProcess process;
        try {
            process = ChildProcess.start(downloader.command(executable, run.link(), staging, settings), staging,
                    tools.processEnvironment(), processGroups,
                    line -> {
                        tail.accept(line);
                        parser.stdout(line);
                    },
                    line -> {
                        tail.accept(line);
                        parser.stderr(line);
                    });
        } catch (UncheckedIOException e) {
            return DownloadOutcome.failed(Causes.toolCannotStart(downloader.tool(), e.getCause().getMessage()));
        }
        try (ChildProcess child = process) {
            while (true) {
                OptionalInt exit = child.waitFor(TICK);
                if (exit.isPresent()) {
                    Optional<String> notStarted = ProcessGroups.startFailure(exit.getAsInt(), tail.lines());
                    if (notStarted.isPresent()) {
                        return DownloadOutcome.failed(Causes.toolCannotStart(downloader.tool(), notStarted.get()));
                    }
                    return ended(parser.fatal(exit.getAsInt()), Optional.empty(), tail, downloader);
                }
                landing.landAnnounced(run, staging, downloader);
                Instant now = clock.instant();
                String jobId = run.job().id();
                if (cancelled.test(jobId) || closing.getAsBoolean()) {
                    child.stop(settings.stopGrace());
                    if (closing.getAsBoolean() && !cancelled.test(jobId)) {
                        lease.handBack();
                    }
                    return DownloadOutcome.failed(DownloadOutcome.CANCELLED);
                }
                if (!lease.renewIfDue(now)) {
                    child.stop(settings.stopGrace()); // cancelled, or taken over after we stalled
                    return DownloadOutcome.failed(DownloadOutcome.CANCELLED);
                }
                long wait = run.rateLimitSeconds();
                if (wait > settings.rateLimitMaxWait().toSeconds()) {
                    child.stop(settings.stopGrace());
                    Duration retryAfter = Duration.ofSeconds(wait);
                    return ended(Optional.of(Causes.spotifyRateLimited(retryAfter, now.plus(retryAfter))),
                            Optional.of(retryAfter), tail, downloader);
                }
                if (Duration.between(started, now).compareTo(settings.jobTimeout()) > 0) {
                    child.stop(settings.stopGrace());
                    return ended(Optional.of(Failure.temporary("The download took longer than "
                            + settings.jobTimeout().toMinutes() + " min and was stopped; it will be retried.")),
                            Optional.empty(), tail, downloader);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DownloadOutcome.failed(DownloadOutcome.CANCELLED);
        }
    }

    private static DownloadOutcome ended(Optional<Failure> fatal, Optional<Duration> retryAfter, OutputTail tail,
                                         Downloader downloader) {
        return new DownloadOutcome(fatal, retryAfter, tail.lines(), Optional.of(downloader));
    }
}
