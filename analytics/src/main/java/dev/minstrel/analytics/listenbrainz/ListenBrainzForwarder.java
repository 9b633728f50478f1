package dev.minstrel.analytics.listenbrainz;

import dev.minstrel.analytics.history.ExportedListen;
import dev.minstrel.analytics.listen.ListenRecorder;
import dev.minstrel.analytics.listenbrainz.ListenBrainzQueue.Connection;
import dev.minstrel.analytics.listenbrainz.ListenBrainzQueue.Queued;
import dev.minstrel.analytics.listenbrainz.ListenBrainzService.Submission;
import dev.minstrel.library.catalogue.Track;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Forwards each user's listens to their ListenBrainz account. A listen is queued in the outbox in
 * the transaction that stores it (so a scrobble never waits for ListenBrainz, and a listen is never
 * lost to a restart); a background loop sends each user's queue oldest first in batches, right after
 * a listen is counted and every {@code pollInterval}. When ListenBrainz is down, busy (429, with its
 * {@code X-RateLimit-Reset-In}) or failing (5xx), the user's queue waits, twice as long after each
 * failure from {@code retryMin} up to {@code retryMax}; a 401 stops sending for that user until they
 * connect again. Now-playing reports are sent at once, best effort, never queued.
 * <p>
 * Several instances may share the database: an instance sends a user's queue only while it holds
 * that user's lease (taken by one conditional UPDATE), so each listen is sent by one instance, in
 * order. A listen ListenBrainz took just before an instance died, not yet removed from the queue,
 * is sent again after the lease runs out; ListenBrainz keeps one listen per user, time and recording.
 */
public final class ListenBrainzForwarder {

    private static final Logger log = LoggerFactory.getLogger(ListenBrainzForwarder.class);

    /** At most this many batches per user in one round, so one long backlog does not hold up the others. */
    private static final int BATCHES_PER_ROUND = 20;

    /**
     * @param batchSize   listens per submission (ListenBrainz takes at most 1000)
     * @param timeout     the longest a call to ListenBrainz may take
     */
    public record Settings(Duration pollInterval, Duration retryMin, Duration retryMax, int batchSize,
                           Duration timeout) {
    }

    private final ListenBrainzQueue queue;
    private final ListenBrainzService service;
    private final TokenSeal seal;
    private final Settings settings;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString();
    private final Sinks.Many<Boolean> wakeups = Sinks.many().unicast().onBackpressureBuffer();

    public ListenBrainzForwarder(DatabaseClient db, ListenBrainzService service, TokenSeal seal, Settings settings,
                                 Clock clock) {
        this.queue = new ListenBrainzQueue(db);
        this.service = service;
        this.seal = seal;
        this.settings = settings;
        this.clock = clock;
    }

    /** Queues the recorder's listens, sends them as soon as they are counted, and reports now-playing. */
    public ListenBrainzForwarder listenTo(ListenRecorder recorder) {
        recorder.whileStoring(ListenBrainzQueue::enqueue);
        recorder.onCounted(userId -> wake());
        recorder.onStarted(this::playingNow);
        return this;
    }

    /**
     * Checks the token with ListenBrainz and stores it, sealed, only when it is valid.
     *
     * @return the user's status; empty when ListenBrainz says the token is not valid; an error
     *         {@link ListenBrainzUnavailable} when ListenBrainz cannot be asked
     */
    public Mono<ListenBrainzStatus> connect(String userId, String token) {
        return service.validate(token)
                .filter(ListenBrainzService.TokenCheck::valid)
                .flatMap(check -> Mono.fromCallable(() -> {
                    queue.connect(userId, seal.seal().apply(token), check.userName());
                    return stored(userId);
                }).subscribeOn(Schedulers.boundedElastic()));
    }

    public Mono<ListenBrainzStatus> status(String userId) {
        return Mono.fromCallable(() -> stored(userId)).subscribeOn(Schedulers.boundedElastic());
    }

    private ListenBrainzStatus stored(String user) {
        return queue.connection(user)
                .map(c -> new ListenBrainzStatus(true, c.userName(), queue.queued(user), c.lastSubmittedAt(),
                        c.lastError(), !c.broken()))
                .orElse(ListenBrainzStatus.NOT_CONNECTED);
    }

    /** Forgets the user's token and the listens still waiting. */
    public Mono<Void> disconnect(String userId) {
        return Mono.<Void>fromRunnable(() -> queue.disconnect(userId)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Sends queues until the returned handle is disposed. */
    public Disposable start() {
        return Flux.merge(Flux.interval(settings.pollInterval(), settings.pollInterval()).map(tick -> true),
                        wakeups.asFlux())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::sendDue)
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            log.warn("Forwarding listens to ListenBrainz failed: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    /** Sends what is due now; a wake-up missed while a round runs is caught by the next poll. */
    private void wake() {
        wakeups.tryEmitNext(true);
    }

    /** One round: every user with listens waiting and no backoff running, one after the other. */
    void sendDue() {
        for (String userId : queue.due(clock.instant())) {
            Instant now = clock.instant();
            // the lease outlives a whole round of this user's batches, each bounded by the timeout
            if (!queue.lease(userId, instance, now, now.plus(settings.timeout().multipliedBy(BATCHES_PER_ROUND + 1)))) {
                continue;
            }
            try {
                queue.connection(userId).filter(c -> !c.broken()).ifPresent(this::sendQueue);
            } finally {
                queue.release(userId, instance);
            }
        }
    }

    private void sendQueue(Connection connection) {
        String token = seal.open().apply(connection.sealedToken());
        int failures = connection.failures();
        for (int round = 0; round < BATCHES_PER_ROUND; round++) {
            List<Queued> batch = queue.oldest(connection.userId(), settings.batchSize());
            if (batch.isEmpty()) {
                return;
            }
            Submission result = submit(token, batch);
            if (result.outcome() == Submission.Outcome.REJECTED && batch.size() > 1) {
                // one listen ListenBrainz will never take must not hold the others back: send them one by one
                for (Queued single : batch) {
                    result = submit(token, List.of(single));
                    if (!settled(connection.userId(), List.of(single), result, failures)) {
                        return;
                    }
                    failures = 0;
                }
                continue;
            }
            if (!settled(connection.userId(), batch, result, failures)) {
                return;
            }
            // ListenBrainz took this batch: a failure of the next starts the backoff afresh
            failures = 0;
        }
    }

    /** Records what became of {@code sent}; true when sending may go on. */
    private boolean settled(String userId, List<Queued> sent, Submission result, int failuresBefore) {
        switch (result.outcome()) {
            case ACCEPTED -> {
                queue.remove(sent);
                queue.submitted(userId, clock.instant());
                return true;
            }
            case REJECTED -> {
                queue.remove(sent);
                ExportedListen listen = sent.get(0).listen();
                queue.noted(userId, "ListenBrainz refused the listen of \"" + listen.title() + "\" at "
                        + listen.startedAt() + ": " + result.message());
                return true;
            }
            case UNAUTHORIZED -> {
                queue.broken(userId, "ListenBrainz refused the token (" + result.message()
                        + "); nothing is sent until you connect again with a valid token");
                return false;
            }
            default -> {
                int failures = failuresBefore + 1;
                Duration wait = result.retryIn() != null ? result.retryIn() : backoff(failures);
                queue.failed(userId, failures, clock.instant().plus(wait), result.message());
                return false;
            }
        }
    }

    /** {@code retryMin}, doubled after each failure in a row, at most {@code retryMax}. */
    Duration backoff(int failures) {
        Duration wait = settings.retryMin();
        for (int i = 1; i < failures && wait.compareTo(settings.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    private Submission submit(String token, List<Queued> batch) {
        Submission result = service.submit(token, batch.stream().map(Queued::listen).toList())
                .timeout(settings.timeout())
                .onErrorResume(e -> Mono.just(new Submission(Submission.Outcome.UNAVAILABLE, null,
                        "ListenBrainz did not answer: " + e.getMessage())))
                .block();
        return result != null ? result
                : new Submission(Submission.Outcome.UNAVAILABLE, null, "ListenBrainz did not answer");
    }

    /** Best effort: a now-playing report that fails is not sent again, the track will be over by then. */
    private void playingNow(String userId, Track track, String client, Instant at) {
        Mono.fromCallable(() -> queue.connection(userId).filter(c -> !c.broken()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(connection -> connection.map(c -> service.playingNow(seal.open().apply(c.sealedToken()),
                                new ExportedListen(at, 0, client, track.id(), track.title(), track.artist(), track.album(),
                                        track.durationSeconds(), track.musicBrainzTrackId(), track.musicBrainzAlbumId(),
                                        track.musicBrainzArtistId())))
                        .orElse(Mono.empty()))
                .timeout(settings.timeout())
                .subscribe(result -> {
                    if (result.outcome() != Submission.Outcome.ACCEPTED) {
                        log.debug("ListenBrainz did not take a now-playing report: {}", result.message());
                    }
                }, e -> log.debug("ListenBrainz did not take a now-playing report: {}", e.toString()));
    }
}
