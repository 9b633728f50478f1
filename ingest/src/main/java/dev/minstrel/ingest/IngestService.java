package dev.minstrel.ingest;

import dev.minstrel.ingest.download.Tool;
import dev.minstrel.ingest.events.IngestEvent;
import dev.minstrel.ingest.events.IngestEvents;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobItem;
import dev.minstrel.ingest.job.JobPage;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.ingest.job.JobStore;
import dev.minstrel.ingest.link.Link;
import dev.minstrel.ingest.link.LinkParser;
import dev.minstrel.ingest.queue.JobQueue;
import dev.minstrel.library.MusicLibrary;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What can be done with jobs: create (a re-paste of a waiting, running or finished link joins that
 * job while its tracks are still in the library), list, cancel, retry, and the live event stream.
 * Visibility: the owner sees every job, a friend granted ingest sees their own. Whether a requester
 * may ingest at all is the caller's to check ({@link Requester#mayIngest()}).
 */
public final class IngestService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SNAPSHOT_JOBS = 50;
    private static final int CLIENT_BUFFER = 4096;

    private final JobStore store;
    private final JobQueue queue;
    private final IngestEvents events;
    private final IngestRunner runner;
    private final MusicLibrary library;
    private final Clock clock;
    private final LinkParser links = new LinkParser();

    public IngestService(JobStore store, JobQueue queue, IngestEvents events, IngestRunner runner, MusicLibrary library,
                         Clock clock) {
        this.store = store;
        this.queue = queue;
        this.events = events;
        this.runner = runner;
        this.library = library;
        this.clock = clock;
    }

    /**
     * What the health check reports about ingest.
     *
     * @param workersAlive this instance's workers are running
     * @param queued       jobs waiting (all instances)
     * @param running      jobs running (all instances)
     * @param spotdl       where spotDL is, as a job starting now would find it
     * @param ytDlp        where yt-dlp is
     * @param ffmpeg       where ffmpeg is on the downloaders' search path
     */
    public record Readiness(boolean workersAlive, long queued, long running, Optional<Path> spotdl,
                            Optional<Path> ytDlp, Optional<Path> ffmpeg) {
    }

    public Mono<Readiness> readiness() {
        return store.queuedAndRunning().map(counts -> new Readiness(runner.workersAlive(), counts[0], counts[1],
                runner.locate(Tool.SPOTDL), runner.locate(Tool.YT_DLP), runner.locateFfmpeg()));
    }

    /** @param created false when the link joined a job that already had it, or retried it */
    public record Submission(Job job, boolean created) {
    }

    /**
     * Throws {@link dev.minstrel.ingest.link.InvalidLinkException} before anything runs. A link whose
     * last job failed (or was cancelled) retries that job rather than starting a second one.
     */
    public Mono<Submission> submit(Requester requester, String url) {
        Link link = links.parse(url);
        return Mono.fromCallable(() -> {
            synchronized (this) { // one job per link even when two pastes race
                Job existing = store.findLatest(link.identity()).block();
                if (existing != null && existing.state().isFinal() && existing.state() != JobState.SUCCEEDED
                        && Boolean.TRUE.equals(store.retry(existing.id(), clock.instant()).block())) {
                    queue.offer(existing.id(), clock.instant());
                    Job retried = store.find(existing.id()).block();
                    events.publish(IngestEvent.job(retried));
                    return new Submission(retried, false);
                }
                existing = store.findLive(link.identity()).block();
                if (existing != null && stillInLibrary(existing)) {
                    return new Submission(existing, false);
                }
                Instant now = clock.instant();
                Job job = store.insert(new Job(newId(), link.url(), link.identity(), link.kind().key(), JobState.QUEUED,
                        requester.userId(), now, now, 0, now, List.of(), List.of(JobItem.waiting(0)))).block();
                events.publish(IngestEvent.job(job));
                queue.offer(job.id(), now);
                return new Submission(job, true);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<JobPage> page(Requester requester, int offset, int limit) {
        return store.page(requester.owner() ? null : requester.userId(), offset, limit);
    }

    /** Empty when there is no such job or the requester may not see it. */
    public Mono<Job> find(Requester requester, String id) {
        return store.find(id).filter(job -> visible(requester, job.ownerId()));
    }

    public Mono<Job> cancel(Requester requester, String id) {
        return find(requester, id).flatMap(job -> store.cancel(id, clock.instant()).flatMap(changed -> {
            if (!changed) {
                return Mono.just(job);
            }
            runner.cancel(id);
            return store.find(id).doOnNext(j -> events.publish(IngestEvent.job(j)));
        }));
    }

    /** Empty result with a job present means it was not in a state to retry (waiting, running, or done well). */
    public Mono<Job> retry(Requester requester, String id) {
        return find(requester, id).flatMap(job -> store.retry(id, clock.instant()).flatMap(changed -> {
            if (!changed) {
                return Mono.just(job);
            }
            queue.offer(id, clock.instant());
            return store.find(id).doOnNext(j -> events.publish(IngestEvent.job(j)));
        }));
    }

    /** Queues every failed and partial job the requester may see again, oldest first; the jobs as they now are. */
    public Mono<List<Job>> retryFailed(Requester requester) {
        return store.failedIds(requester.owner() ? null : requester.userId())
                .concatMap(id -> retry(requester, id))
                .collectList();
    }

    /**
     * The requester's current jobs as job events, then every change as it happens. Live events are
     * buffered from before the snapshot is read, so a reconnecting client misses nothing.
     */
    public Flux<IngestEvent> events(Requester requester) {
        return Flux.defer(() -> {
            // bounded: a client that stops reading loses events (and gets the state again when it reconnects)
            // rather than holding memory on a Pi; live events arrive one at a time, so tryEmitNext never races
            Sinks.Many<IngestEvent> buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<IngestEvent>get(CLIENT_BUFFER).get());
            Disposable live = events.live().filter(e -> visible(requester, e.ownerId())).subscribe(buffer::tryEmitNext);
            Flux<IngestEvent> snapshot = page(requester, 0, SNAPSHOT_JOBS)
                    .flatMapMany(page -> Flux.fromIterable(page.jobs()).sort((a, b) -> a.createdAt().compareTo(b.createdAt())))
                    .map(IngestEvent::job);
            return snapshot.concatWith(buffer.asFlux()).doFinally(signal -> live.dispose());
        });
    }

    /** A finished job only stands for the link while its tracks are still in the library. */
    private boolean stillInLibrary(Job job) {
        return job.state() != JobState.SUCCEEDED || job.items().stream()
                .allMatch(item -> item.trackId() != null && library.catalogue().track(item.trackId()).isPresent());
    }

    private static boolean visible(Requester requester, String ownerId) {
        return requester.owner() || (requester.canIngest() && requester.userId().equals(ownerId));
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "ij-" + HexFormat.of().formatHex(bytes);
    }
}
