package dev.minstrel.ingest;

import dev.minstrel.ingest.download.Causes;
import dev.minstrel.ingest.download.ChildProcess;
import dev.minstrel.ingest.download.Downloader;
import dev.minstrel.ingest.download.Failure;
import dev.minstrel.ingest.download.OutputParser;
import dev.minstrel.ingest.download.OutputTail;
import dev.minstrel.ingest.download.ProcessGroups;
import dev.minstrel.ingest.download.SpotdlDownloader;
import dev.minstrel.ingest.download.Tool;
import dev.minstrel.ingest.download.ToolLocator;
import dev.minstrel.ingest.download.YtDlpDownloader;
import dev.minstrel.ingest.events.IngestEvent;
import dev.minstrel.ingest.events.IngestEvents;
import dev.minstrel.ingest.job.ItemState;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobItem;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.ingest.job.JobStore;
import dev.minstrel.ingest.landing.Duplicates;
import dev.minstrel.ingest.link.Link;
import dev.minstrel.ingest.link.LinkParser;
import dev.minstrel.ingest.queue.JobQueue;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The workers: each takes a job from the queue, claims it in the store, runs the downloader in the
 * job's staging folder, and lands every finished file in the library. A run renews its lease while
 * it works; when the lease is lost (the job was cancelled, here or on another instance) the
 * downloader is stopped and its partial files are removed.
 */
public final class IngestRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestRunner.class);
    private static final Duration TICK = Duration.ofMillis(100);
    /** The outcome of a run stopped because the job was cancelled or this instance is stopping. */
    private static final Failure CANCELLED = Failure.permanent("cancelled");
    /** Lines of the downloader's output kept with a job whose run did not fully succeed. */
    private static final int OUTPUT_LINES = 20;

    private final IngestSettings settings;
    private final JobStore store;
    private final JobQueue queue;
    private final IngestEvents events;
    private final MusicLibrary library;
    private final Clock clock;
    private final LinkParser links = new LinkParser();
    private final ToolLocator tools;
    private final Duplicates duplicates = new Duplicates();
    private final SpotdlDownloader spotdl = new SpotdlDownloader();
    private final Landing landing;
    private final YtDlpDownloader ytDlp = new YtDlpDownloader();
    private final ProcessGroups processGroups;
    private final Map<String, Boolean> cancelled = new ConcurrentHashMap<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean closing;
    private Disposable cancellations;

    public IngestRunner(IngestSettings settings, JobStore store, JobQueue queue, IngestEvents events,
                        MusicLibrary library, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.library = library;
        this.clock = clock;
        this.tools = new ToolLocator(settings.searchPath());
        this.landing = new Landing(library, spotdl);
        this.processGroups = new ProcessGroups(settings.processGroupsDir());
    }

    /**
     * Kills the downloaders an earlier run left alive (it was killed itself), re-queues what this
     * node was running when it stopped, then starts the workers.
     */
    public synchronized void start() {
        processGroups.killLeftovers();
        List<String> recovered = store.recover(settings.node(), clock.instant()).block();
        for (String id : recovered == null ? List.<String>of() : recovered) {
            log.info("ingest job {} was running when Minstrel stopped; it is queued again", id);
            queue.offer(id, clock.instant());
        }
        cancellations = events.live()
                .filter(e -> e.job() != null && JobState.CANCELLED.key().equals(e.job().state()))
                .subscribe(e -> cancelled.put(e.jobId(), true));
        for (int i = 0; i < settings.concurrency(); i++) {
            String worker = settings.node() + "/" + i;
            Thread thread = new Thread(() -> work(worker), "ingest-worker-" + i);
            thread.setDaemon(true);
            workers.add(thread);
            thread.start();
        }
    }

    /** True while every worker of this instance is alive (none died of an error it could not survive). */
    public boolean workersAlive() {
        return !workers.isEmpty() && workers.stream().allMatch(Thread::isAlive);
    }

    /** Where the tool is, as a job starting now would find it; empty when it is missing. */
    public Optional<Path> locate(Tool tool) {
        return tools.find(tool, tool == Tool.SPOTDL ? settings.spotdl() : settings.ytDlp());
    }

    /** Where ffmpeg is on the downloaders' search path (they need it to convert audio). */
    public Optional<Path> locateFfmpeg() {
        return tools.find("ffmpeg");
    }

    /** Stops the downloader of a job running here; called when the job is cancelled. */
    public void cancel(String jobId) {
        cancelled.put(jobId, true);
    }

    private void work(String worker) {
        while (!closing) {
            try {
                Optional<JobQueue.Delivery> delivery = queue.take(settings.pollInterval());
                if (delivery.isPresent()) {
                    attempt(delivery.get(), worker);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (closing) {
                    return; // the queue's connection closed under a blocked read
                }
                log.error("ingest worker {} hit an unexpected error; it carries on", worker, e);
                sleepQuietly(settings.pollInterval());
            }
        }
    }

    private void attempt(JobQueue.Delivery delivery, String worker) {
        Instant now = clock.instant();
        Job job;
        try {
            boolean claimed = Boolean.TRUE.equals(
                    store.claim(delivery.jobId(), worker, now, now.plus(settings.lease())).block());
            job = store.find(delivery.jobId()).block();
            if (!claimed) {
                if (job == null || job.state().isFinal()) {
                    queue.ack(delivery);
                } else {
                    queue.release(delivery);
                }
                return;
            }
        } catch (RuntimeException e) {
            queue.release(delivery); // the database hiccuped: the job stays queued, or its lease runs out
            throw e;
        }
        cancelled.remove(job.id());
        try {
            run(job, worker, delivery);
        } finally {
            cancelled.remove(job.id());
            queue.ack(delivery);
        }
    }

    private void run(Job job, String worker, JobQueue.Delivery delivery) {
        JobRun run = new JobRun(job, store, events);
        events.publish(IngestEvent.job(job));
        Link link = links.parse(job.url());
        Optional<Failure> refused = diskReserveRefusal();
        if (refused.isPresent()) {
            run.failAll(refused.get());
            finish(run, worker, JobState.FAILED);
            return;
        }
        Optional<Track> present = duplicates.bySource(library.catalogue(), link);
        if (present.isPresent()) {
            Track track = present.get();
            JobItem item = run.itemFor(link.identity());
            run.succeeded(item, track.id(), track.title(), track.artist(), track.album());
            finish(run, worker, JobState.SUCCEEDED);
            return;
        }
        Path staging = settings.stagingDir().resolve(job.id());
        Outcome outcome;
        try {
            outcome = download(run, link, staging, worker, delivery);
        } catch (IOException e) {
            outcome = Outcome.failed(Causes.saysDiskFull(String.valueOf(e.getMessage()))
                    ? Causes.diskFull("Minstrel could not prepare the download folder: " + e.getMessage())
                    : Failure.temporary("Minstrel could not prepare the download folder: " + e.getMessage()));
        }
        if (outcome.fatal().isPresent() && outcome.fatal().get() == CANCELLED) {
            deleteQuietly(staging);
            events.publish(IngestEvent.job(store.find(job.id()).block()));
            return;
        }
        landing.land(run, staging, true);
        deleteQuietly(staging);
        run.failOpenItems(outcome.fatal());
        decide(run, worker, outcome);
    }

    /** @param output the downloader's last lines (empty when it never ran) */
    private record Outcome(Optional<Failure> fatal, Optional<Duration> retryAfter, List<String> output) {

        static Outcome failed(Failure failure) {
            return new Outcome(Optional.of(failure), Optional.empty(), List.of());
        }
    }

    private Outcome download(JobRun run, Link link, Path staging, String worker, JobQueue.Delivery delivery)
            throws IOException {
        Optional<Downloader> chosen = downloaderFor(link);
        if (chosen.isEmpty()) {
            return Outcome.failed(Failure.permanent(link.isYouTube()
                    ? Tool.YT_DLP.installHint() : Tool.SPOTDL.installHint()));
        }
        Downloader downloader = chosen.get();
        Path executable = tools.find(downloader.tool(), downloader.configuredPath(settings)).orElseThrow();
        deleteQuietly(staging);
        Files.createDirectories(staging);
        Files.createDirectories(settings.homeDir());
        prepareSpotdlHome();
        OutputParser parser = downloader.parser(run::on);
        OutputTail tail = new OutputTail(OUTPUT_LINES, List.of(String.valueOf(settings.spotifyClientSecret())));
        Map<String, String> environment = new HashMap<>();
        environment.put("PATH", settings.searchPath());
        environment.put("HOME", settings.homeDir().toString());
        environment.put("COLUMNS", "1000");
        environment.put("PYTHONIOENCODING", "utf-8");
        environment.put("LANG", "C.UTF-8");
        Instant started = clock.instant();
        Instant nextRenewal = started;
        ChildProcess process;
        try {
            process = ChildProcess.start(downloader.command(executable, link, staging, settings), staging, environment,
                    processGroups,
                    line -> {
                        tail.accept(line);
                        parser.stdout(line);
                    },
                    line -> {
                        tail.accept(line);
                        parser.stderr(line);
                    });
        } catch (UncheckedIOException e) {
            return Outcome.failed(Causes.toolCannotStart(downloader.tool(), e.getCause().getMessage()));
        }
        try (ChildProcess child = process) {
            while (true) {
                OptionalInt exit = child.waitFor(TICK);
                if (exit.isPresent()) {
                    Optional<String> notStarted = ProcessGroups.startFailure(exit.getAsInt(), tail.lines());
                    if (notStarted.isPresent()) {
                        return Outcome.failed(Causes.toolCannotStart(downloader.tool(), notStarted.get()));
                    }
                    return new Outcome(parser.fatal(exit.getAsInt()), Optional.empty(), tail.lines());
                }
                landing.land(run, staging, false);
                Instant now = clock.instant();
                if (cancelled.containsKey(run.job().id()) || closing) {
                    child.stop(settings.stopGrace());
                    if (closing && !cancelled.containsKey(run.job().id())) {
                        store.requeue(run.job().id(), worker, now, now).block();
                    }
                    return Outcome.failed(CANCELLED);
                }
                if (!now.isBefore(nextRenewal)) {
                    nextRenewal = now.plus(settings.lease().dividedBy(4));
                    if (!Boolean.TRUE.equals(store.renew(run.job().id(), worker, now.plus(settings.lease())).block())) {
                        child.stop(settings.stopGrace()); // cancelled, or taken over after we stalled
                        return Outcome.failed(CANCELLED);
                    }
                    queue.keepAlive(delivery);
                }
                long wait = run.rateLimitSeconds();
                if (wait > settings.rateLimitMaxWait().toSeconds()) {
                    child.stop(settings.stopGrace());
                    Duration retryAfter = Duration.ofSeconds(wait);
                    return new Outcome(Optional.of(Causes.spotifyRateLimited(retryAfter, now.plus(retryAfter))),
                            Optional.of(retryAfter), tail.lines());
                }
                if (Duration.between(started, now).compareTo(settings.jobTimeout()) > 0) {
                    child.stop(settings.stopGrace());
                    return new Outcome(Optional.of(Failure.temporary("The download took longer than "
                            + settings.jobTimeout().toMinutes() + " min and was stopped; it will be retried.")),
                            Optional.empty(), tail.lines());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed(CANCELLED);
        }
    }

    /** spotDL merges ~/.config/spotdl/config.json into every run unless told not to. */
    private void prepareSpotdlHome() throws IOException {
        Path config = settings.homeDir().resolve(".config/spotdl/config.json");
        if (!Files.exists(config)) {
            Files.createDirectories(config.getParent());
            Files.writeString(config, "{\"load_config\": false}\n");
        }
    }

    private Optional<Downloader> downloaderFor(Link link) {
        List<Downloader> candidates = !link.isYouTube() ? List.of(spotdl)
                : link.source() == Link.Source.YOUTUBE_MUSIC ? List.of(ytDlp, spotdl) : List.of(ytDlp);
        return candidates.stream().filter(d -> tools.find(d.tool(), d.configuredPath(settings)).isPresent()).findFirst();
    }

    private Optional<Failure> diskReserveRefusal() {
        try {
            Path music = library.musicDir();
            Files.createDirectories(music);
            long free = Files.getFileStore(music).getUsableSpace();
            if (free < settings.diskReserveBytes()) {
                return Optional.of(Failure.permanent(String.format(Locale.ROOT,
                        "Only %d MB are free in the music folder, below the %d MB reserve; free some space and retry.",
                        free >> 20, settings.diskReserveBytes() >> 20)));
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(Failure.permanent("The music folder cannot be checked for space: " + e.getMessage()));
        }
    }

    private void decide(JobRun run, String worker, Outcome outcome) {
        List<JobItem> items = run.items();
        long succeeded = items.stream().filter(i -> i.state() == ItemState.SUCCEEDED).count();
        boolean retryable = outcome.fatal().map(Failure::transientFailure).orElse(false) || run.anyTransientFailure();
        store.saveOutput(run.job().id(), succeeded == items.size() ? List.of() : outcome.output()).block();
        if (succeeded < items.size() && retryable && run.job().attempts() < settings.maxAttempts()) {
            Duration backoff = outcome.retryAfter().orElse(
                    settings.retryBackoff().multipliedBy(1L << Math.min(10, run.job().attempts() - 1)));
            Instant now = clock.instant();
            run.reopenFailed();
            if (Boolean.TRUE.equals(store.requeue(run.job().id(), worker, now.plus(backoff), now).block())) {
                queue.offer(run.job().id(), now.plus(backoff));
            }
            events.publish(IngestEvent.job(store.find(run.job().id()).block()));
            return;
        }
        finish(run, worker, succeeded == items.size() ? JobState.SUCCEEDED
                : succeeded > 0 ? JobState.PARTIAL : JobState.FAILED);
    }

    private void finish(JobRun run, String worker, JobState state) {
        if (Boolean.TRUE.equals(store.finish(run.job().id(), worker, state, clock.instant()).block())
                && (state == JobState.FAILED || state == JobState.PARTIAL)) {
            // once per job reaching this state: the line an owner greps for when a friend says "it didn't work"
            log.warn("ingest job {} {} after {} run(s) ({}): {}", run.job().id(), state.key(), run.job().attempts(),
                    run.job().url(), String.join(" | ", run.items().stream().map(JobItem::error)
                            .filter(Objects::nonNull).distinct().toList()));
        }
        events.publish(IngestEvent.job(store.find(run.job().id()).block()));
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort: the next run of the job clears the folder again
                }
            });
        } catch (IOException e) {
            // same
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the workers; jobs running here go back to the queue for the next start or another instance. */
    @Override
    public void close() {
        closing = true;
        queue.close();
        for (Thread worker : workers) {
            try {
                worker.join(settings.stopGrace().toMillis() + 5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (cancellations != null) {
            cancellations.dispose();
        }
    }
}
