package dev.minstrel.ingest.request;

import dev.minstrel.ingest.IngestService;
import dev.minstrel.ingest.Requester;
import dev.minstrel.ingest.events.IngestEvents;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.ingest.job.JobStore;
import dev.minstrel.ingest.landing.Duplicates;
import dev.minstrel.ingest.link.Link;
import dev.minstrel.ingest.link.LinkParser;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Track;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Friends' requests for music. Anyone may ask for a link, with a note; the owner and friends
 * granted ingest ("deciders") see every request and approve it (which starts, or joins, the link's
 * job) or decline it with a reason. Others see only their own. A link already in the library is
 * answered with its tracks instead of becoming a request.
 */
public final class RequestService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int SNAPSHOT = 50;
    private static final int CLIENT_BUFFER = 1024;

    private final RequestStore store;
    private final JobStore jobs;
    /** Requests whose job just moved on, looked up once however many clients listen (and only while some do). */
    private final Flux<MusicRequest> jobChanges;
    /** Requests made or decided on this instance, for live clients; job progress comes through {@link #jobChanges}. */
    private final Sinks.Many<MusicRequest> changes = Sinks.many().multicast().directBestEffort();
    private final IngestService ingest;
    private final MusicLibrary library;
    private final Clock clock;
    private final int maxPending;
    private final LinkParser links = new LinkParser();
    private final Duplicates duplicates = new Duplicates();

    /** @param maxPending how many undecided requests one friend may have at once */
    public RequestService(RequestStore store, JobStore jobs, IngestEvents events, IngestService ingest,
                          MusicLibrary library, Clock clock, int maxPending) {
        this.store = store;
        this.jobs = jobs;
        this.jobChanges = events.live().concatMap(e -> store.forJob(e.jobId())).share();
        this.ingest = ingest;
        this.library = library;
        this.clock = clock;
        this.maxPending = maxPending;
    }

    /** What asking gave. */
    public sealed interface Asked {
    }

    /** @param created false when the friend had already asked for this link and it is still pending */
    public record Requested(RequestView request, boolean created) implements Asked {
    }

    /** The link's music is in the library already: no request was made. */
    public record AlreadyInLibrary(List<Track> tracks) implements Asked {
    }

    /**
     * Throws {@link dev.minstrel.ingest.link.InvalidLinkException} for a link that is not Spotify or
     * YouTube, and {@link RequestRefusedException} when the friend has too many pending requests.
     */
    public Mono<Asked> ask(Requester requester, String requesterName, String url, String note) {
        Link link = links.parse(url);
        return Mono.fromCallable(() -> {
            List<Track> present = inLibrary(link);
            if (!present.isEmpty()) {
                return (Asked) new AlreadyInLibrary(present);
            }
            synchronized (this) { // the pending count and the insert together, so a burst cannot pass the limit
                MusicRequest same = store.findPending(requester.userId(), link.identity()).block();
                if (same != null) {
                    return new Requested(RequestView.of(same, null), false);
                }
                long pending = store.countPending(requester.userId()).block();
                if (!requester.owner() && pending >= maxPending) {
                    throw new RequestRefusedException(RequestRefusedException.Kind.TOO_MANY_PENDING,
                            "You already have " + pending + " requests waiting (at most " + maxPending
                                    + "); wait until the owner has answered some of them.");
                }
                MusicRequest request = store.insert(new MusicRequest(newId(), requester.userId(), requesterName,
                        link.url(), link.identity(), note, MusicRequest.State.PENDING, clock.instant(), null, null,
                        null, null)).block();
                changed(request);
                return new Requested(RequestView.of(request, null), true);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** Newest first: every request for a decider, else the requester's own. */
    public Mono<List<RequestView>> list(Requester requester, int offset, int limit) {
        return store.list(requester.mayIngest() ? null : requester.userId(), offset, limit)
                .concatMap(this::view).collectList();
    }

    /** Empty when there is no such request or the requester may not see it. */
    public Mono<RequestView> find(Requester requester, String id) {
        return visible(requester, id).flatMap(this::view);
    }

    /**
     * Starts the link's job (or joins the one it already has) as the decider's; approving an
     * approved request answers it as it is. Empty when there is no such request; only deciders may
     * call this.
     */
    public Mono<RequestView> approve(Requester decider, String id) {
        requireDecider(decider);
        return store.find(id).flatMap(request -> switch (request.state()) {
            case APPROVED -> view(request);
            case DECLINED -> Mono.error(new RequestRefusedException(RequestRefusedException.Kind.ALREADY_DECIDED,
                    "This request was declined; the friend may ask again."));
            case PENDING -> store.approve(id, decider.userId(), clock.instant()).flatMap(won -> won
                    ? ingest.submit(decider, request.url())
                            .flatMap(submission -> store.attachJob(id, submission.job().id()))
                            .then(store.find(id)).doOnNext(this::changed).flatMap(this::view)
                    : approve(decider, id)); // decided meanwhile: answer as it now is
        });
    }

    /** Declines a pending request with the reason the friend will read. Empty when there is no such request. */
    public Mono<RequestView> decline(Requester decider, String id, String reason) {
        requireDecider(decider);
        return store.find(id).flatMap(request -> switch (request.state()) {
            case DECLINED -> view(request);
            case APPROVED -> Mono.error(new RequestRefusedException(RequestRefusedException.Kind.ALREADY_DECIDED,
                    "This request was approved already; cancel its download instead."));
            case PENDING -> store.decline(id, decider.userId(), reason, clock.instant())
                    .flatMap(won -> won ? store.find(id).doOnNext(this::changed).flatMap(this::view)
                            : decline(decider, id, reason));
        });
    }

    /**
     * The requests the requester sees (the newest {@value #SNAPSHOT}, oldest first), then each as it changes: made,
     * decided, or its job moving on. Live changes are buffered from before the snapshot is read, so a
     * reconnecting client misses nothing.
     */
    public Flux<RequestView> events(Requester requester) {
        return Flux.defer(() -> {
            Sinks.Many<MusicRequest> buffer = Sinks.many().unicast()
                    .onBackpressureBuffer(Queues.<MusicRequest>get(CLIENT_BUFFER).get());
            Flux<MusicRequest> changed = Flux.merge(changes.asFlux(), jobChanges);
            Disposable live = changed.filter(r -> sees(requester, r)).subscribe(buffer::tryEmitNext);
            Flux<RequestView> snapshot = list(requester, 0, SNAPSHOT).flatMapMany(newestFirst -> {
                List<RequestView> oldestFirst = new ArrayList<>(newestFirst);
                Collections.reverse(oldestFirst);
                return Flux.fromIterable(oldestFirst);
            });
            return snapshot.concatWith(buffer.asFlux().concatMap(this::view)).doFinally(signal -> live.dispose());
        });
    }

    /** A deleted account's requests go with it (the jobs approved from them stay, as the decider's). */
    public Mono<Long> forget(String requesterId) {
        return store.deleteFrom(requesterId);
    }

    private void changed(MusicRequest request) {
        synchronized (changes) { // emitters on several threads must take turns
            changes.tryEmitNext(request);
        }
    }

    private static boolean sees(Requester requester, MusicRequest request) {
        return requester.mayIngest() || request.requesterId().equals(requester.userId());
    }

    private Mono<MusicRequest> visible(Requester requester, String id) {
        return store.find(id).filter(r -> sees(requester, r));
    }

    private Mono<RequestView> view(MusicRequest request) {
        if (request.jobId() == null) {
            return Mono.just(RequestView.of(request, null));
        }
        return jobs.find(request.jobId()).map(job -> RequestView.of(request, job))
                .defaultIfEmpty(RequestView.of(request, null));
    }

    /**
     * The library's tracks for the link: the very track (recorded in its tags), or every track of a
     * list whose job succeeded and whose tracks are all still there.
     */
    private List<Track> inLibrary(Link link) {
        Optional<Track> same = duplicates.bySource(library.catalogue(), link);
        if (same.isPresent()) {
            return List.of(same.get());
        }
        Job job = jobs.findLive(link.identity()).block();
        if (job == null || job.state() != JobState.SUCCEEDED) {
            return List.of();
        }
        List<Optional<Track>> tracks = job.items().stream()
                .map(item -> item.trackId() == null ? Optional.<Track>empty() : library.catalogue().track(item.trackId()))
                .toList();
        return tracks.stream().allMatch(Optional::isPresent) ? tracks.stream().map(Optional::get).toList() : List.of();
    }

    private static void requireDecider(Requester requester) {
        if (!requester.mayIngest()) {
            throw new IllegalStateException("only the owner and friends granted ingest decide requests");
        }
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "rq-" + HexFormat.of().formatHex(bytes);
    }
}
