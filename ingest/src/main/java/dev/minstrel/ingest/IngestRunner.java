package dev.minstrel.ingest;

import dev.minstrel.ingest.download.DiskReserve;
import dev.minstrel.ingest.download.Failure;
import dev.minstrel.ingest.download.ProcessGroups;
import dev.minstrel.ingest.download.StagingFolder;
import dev.minstrel.ingest.download.Tool;
import dev.minstrel.ingest.download.ToolEnvironment;
import dev.minstrel.ingest.events.IngestEvent;
import dev.minstrel.ingest.events.IngestEvents;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.ingest.job.JobStore;
import dev.minstrel.ingest.landing.Duplicates;
import dev.minstrel.ingest.landing.KnownSongs;
import dev.minstrel.ingest.link.LinkParser;
import dev.minstrel.ingest.queue.JobQueue;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workers: each takes a job from the queue, claims it in the store, and runs it: the disk
 * reserve and the library checked first, then the downloader ({@link WatchedDownload}), the files
 * landed ({@link Landing}), and the job retried or finished ({@link RetryPolicy}). When the lease is
 * lost (the job was cancelled, here or on another instance) the downloader is stopped and its
 * partial files are removed.
 */
public final class IngestRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestRunner.class);

    private final IngestSettings settings;
    private final JobStore store;
    private final JobQueue queue;
    private final IngestEvents events;
    private final MusicLibrary library;
    private final Clock clock;
    private final LinkParser links = new LinkParser();
    private final ToolEnvironment tools;
    private final Duplicates duplicates = new Duplicates();
    private final Landing landing;
    private final WatchedDownload download;
    private final RetryPolicy retries;
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
        this.tools = new ToolEnvironment(settings);
        this.landing = new Landing(library, duplicates);
        this.processGroups = new ProcessGroups(settings.processGroupsDir());
        this.download = new WatchedDownload(settings, tools, processGroups, landing, clock, cancelled::containsKey,
                () -> closing);
        this.retries = new RetryPolicy(settings, store, events, clock);
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
        return tools.locate(tool);
    }

    /** Where ffmpeg is on the downloaders' search path (they need it to convert audio). */
    public Optional<Path> locateFfmpeg() {
        return tools.locateFfmpeg();
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
            run(job, new JobLease(job.id(), worker, delivery, store, queue, settings, clock));
        } finally {
            cancelled.remove(job.id());
            queue.ack(delivery);
        }
    }

    private void run(Job job, JobLease lease) {
        JobRun run = new JobRun(job, links.parse(job.url()), store, events,
                source -> duplicates.bySource(library.catalogue(), source));
        events.publish(IngestEvent.job(job));
        Optional<Failure> refused = new DiskReserve(library.musicDir(), settings.diskReserveBytes()).refusal();
        if (refused.isPresent()) {
            run.failAll(refused.get());
            retries.finish(run, lease, JobState.FAILED);
            return;
        }
        KnownSongs known = duplicates.in(library.catalogue());
        Optional<Track> present = known.bySource(run.link());
        if (present.isPresent()) {
            run.inLibrary(run.itemFor(run.link().identity()), present.get());
            retries.finish(run, lease, JobState.SUCCEEDED);
            return;
        }
        StagingFolder staging = new StagingFolder(settings.stagingDir().resolve(job.id()));
        DownloadOutcome outcome = download.run(run, staging, lease, known);
        if (outcome.cancelled()) {
            staging.remove();
            events.publish(IngestEvent.job(store.find(job.id()).block()));
            return;
        }
        outcome.downloader().ifPresent(downloader -> landing.landAll(run, staging.dir(), downloader));
        staging.remove();
        run.failOpenItems(outcome.fatal());
        retries.decide(run, lease, outcome);
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
