package dev.minstrel.ingest.watch;

import dev.minstrel.ingest.IngestService;
import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.Requester;
import dev.minstrel.ingest.job.ItemState;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobItem;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.ingest.job.JobStore;
import dev.minstrel.ingest.link.InvalidLinkException;
import dev.minstrel.ingest.link.Link;
import dev.minstrel.ingest.link.LinkParser;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.store.InstanceLease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Watched playlists. Adding one mirrors it at once as an empty read-only playlist and makes it due;
 * the instance holding the watch lease then syncs each due watch, one step per tick:
 * <ol>
 *   <li>read the playlist's entries, in order, with spotDL or yt-dlp ({@link PlaylistListing});</li>
 *   <li>download what the library lacks through ordinary ingest jobs, one job at a time per watch
 *       (never a second while one is waiting or running): the whole playlist when nothing of it is
 *       here yet, else each new song on its own, so a daily check downloads only what was added;</li>
 *   <li>give the mirror the playlist's songs that are in the library, in the source's order (songs
 *       removed at the source leave the mirror; their files stay), after each job and at the end.</li>
 * </ol>
 * A sync fails when the playlist cannot be read, or when none of the songs it needed could be
 * downloaded; the next check then waits the interval doubled for each failure in a row (at most
 * {@link WatchSettings#maxBackoff()}), and the cause is shown with the watch. A watch whose owner may no
 * longer add music ({@link WatchOwners}) is not synced: its check ends at once, saying so, and the
 * mirror keeps the songs it has until a later check finds the owner allowed again.
 */
public final class WatchService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WatchService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final String NOT_ALLOWED = "Not synced: whoever added this watch may no longer add music (the ingest "
            + "permission). The playlist keeps the songs it has; syncing resumes once they may again.";

    private final WatchSettings settings;
    private final IngestSettings ingestSettings;
    private final WatchStore store;
    private final JobStore jobs;
    private final IngestService ingest;
    private final MusicLibrary library;
    private final PlaylistMirror mirror;
    private final InstanceLease lease;
    private final WatchOwners owners;
    private final Clock clock;
    private final PlaylistListing listing;
    private final LinkParser links = new LinkParser();
    private final Sinks.Many<Long> wakeUps = Sinks.many().multicast().directBestEffort();
    private volatile boolean holdsLease;
    private volatile SourceIndex sources = new SourceIndex(null, Map.of());
    /** The library as the mirrors last followed it. */
    private Catalogue followed;
    private Disposable ticks;
    private Disposable renewals;

    public WatchService(WatchSettings settings, IngestSettings ingestSettings, DatabaseClient database, JobStore jobs,
                        IngestService ingest, MusicLibrary library, PlaylistMirror mirror, InstanceLease lease,
                        WatchOwners owners, Clock clock) {
        this.settings = settings;
        this.ingestSettings = ingestSettings;
        this.store = new WatchStore(database);
        this.jobs = jobs;
        this.ingest = ingest;
        this.library = library;
        this.mirror = mirror;
        this.lease = lease;
        this.owners = owners;
        this.clock = clock;
        this.listing = new PlaylistListing(ingestSettings);
    }

    /**
     * Watches a playlist: mirrored at once (empty until its songs land) and synced as soon as the
     * lease holder's next tick. Throws {@link InvalidLinkException} for a link that is not Spotify or
     * YouTube, and {@link WatchRefusedException} for one that is not a playlist or is watched already.
     */
    public Mono<Watch> add(Requester requester, String url) {
        Link link = links.parse(url);
        if (link.kind() != Link.Kind.PLAYLIST) {
            throw new WatchRefusedException(WatchRefusedException.Kind.NOT_A_PLAYLIST, "Only playlists can be watched, "
                    + "and this link is " + (link.kind() == Link.Kind.ARTIST ? "an artist" : "a " + link.kind().key())
                    + ". To download it once, add it as music instead.", null);
        }
        return Mono.fromCallable(() -> {
            refuseIfWatched(link);
            Instant now = clock.instant();
            String name = (link.isYouTube() ? "YouTube" : "Spotify") + " playlist " + link.id();
            String playlistId = mirror.create(requester.userId(), name, link.url()).block();
            Watch watch = new Watch(newId(), link.url(), name, requester.userId(), playlistId, "watching", now, null, now,
                    0, 0, null, null);
            if (!Boolean.TRUE.equals(store.insert(watch, link.identity()).block())) {
                mirror.delete(playlistId).block(); // another add of the same playlist won the race
                refuseIfWatched(link);
            }
            wake();
            return store.find(watch.id()).block().watch();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The owner sees every watch, a friend granted ingest their own. Oldest first. */
    public Mono<List<Watch>> list(Requester requester) {
        return store.list(requester.owner() ? null : requester.userId()).map(WatchStore.Stored::watch).collectList();
    }

    /** Empty when there is no such watch or the requester may not see it. */
    public Mono<Watch> find(Requester requester, String id) {
        return visible(requester, id).map(WatchStore.Stored::watch);
    }

    /** Makes the watch due now (a failing one too, without waiting out its backoff); a running sync is left alone. */
    public Mono<Watch> checkNow(Requester requester, String id) {
        return visible(requester, id)
                .flatMap(stored -> store.due(id, clock.instant()).doOnNext(due -> wake()).then(store.find(id)))
                .map(WatchStore.Stored::watch);
    }

    /**
     * Stops watching: the downloaded files stay in the library; the mirror is deleted, or kept as an
     * ordinary playlist its owner may change. False when there is no such watch the requester sees.
     */
    public Mono<Boolean> remove(Requester requester, String id, boolean keepPlaylist) {
        return visible(requester, id)
                .flatMap(stored -> store.delete(id).flatMap(deleted -> {
                    String playlistId = stored.watch().playlistId();
                    if (!deleted || playlistId == null) {
                        return Mono.just(deleted);
                    }
                    return (keepPlaylist ? mirror.release(playlistId) : mirror.delete(playlistId)).thenReturn(true);
                }))
                .defaultIfEmpty(false);
    }

    /**
     * A deleted account's watches go with it (their mirrors go with the account's playlists); the
     * songs they brought stay in the library.
     */
    public Mono<Long> forget(String ownerId) {
        return store.deleteOwnedBy(ownerId);
    }

    /**
     * Starts the ticks: every {@link WatchSettings#tick()} (and at once after an add or a "check
     * now"), the instance holding the watch lease moves every due or syncing watch on by a step.
     * The lease is renewed on its own timer, so a long playlist read does not lose it.
     */
    public synchronized void start() {
        renewals = Flux.interval(Duration.ZERO, settings.lease().dividedBy(3))
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::renewLease)
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            holdsLease = false;
                            log.warn("Could not renew the watched playlists' lease: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
        ticks = Flux.merge(Flux.interval(settings.tick(), settings.tick()), wakeUps.asFlux())
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(() -> {
                            if (holdsLease) {
                                syncDue();
                            }
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(e -> {
                            log.warn("Watched playlists could not be synced this time: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    private void renewLease() {
        boolean held = lease.hold();
        if (held != holdsLease) {
            log.info(held ? "this instance ({}) now syncs the watched playlists"
                    : "this instance ({}) no longer syncs the watched playlists", lease.holder());
        }
        holdsLease = held;
    }

    /**
     * One pass: every watch with a sync running or due moves on by a step; then, if the library
     * changed since the last pass, every other mirror follows it. Blocking; one pass at a time.
     */
    synchronized void syncDue() {
        Catalogue catalogue = library.catalogue();
        List<WatchStore.Stored> work = store.needingWork(clock.instant()).collectList().block();
        for (WatchStore.Stored stored : work == null ? List.<WatchStore.Stored>of() : work) {
            try {
                step(stored);
            } catch (RuntimeException e) {
                log.warn("Watched playlist {} ({}) could not be synced this time: {}", stored.watch().id(),
                        stored.watch().url(), e.toString());
            }
        }
        if (catalogue != followed) {
            // songs landed by another instance reach this one's library a moment after their job ends,
            // maybe after the sync did: the mirror takes them when they arrive, not at the next check
            followed = catalogue;
            for (WatchStore.Stored stored : store.list(null).collectList().block()) {
                if (stored.syncStarted() == null) {
                    follow(stored, store.entries(stored.watch().id()).block());
                }
            }
        }
    }

    private void step(WatchStore.Stored stored) {
        String id = stored.watch().id();
        if (stored.syncStarted() == null) {
            begin(stored);
            return;
        }
        if (stored.watch().jobId() != null) {
            Job job = jobs.find(stored.watch().jobId()).block();
            if (job != null && !job.state().isFinal()) {
                follow(stored, store.entries(id).block()); // songs appear in the mirror as they land
                return;
            }
            jobEnded(stored, job);
        }
        WatchStore.Stored now = store.find(id).block();
        if (now != null) {
            carryOn(now);
        }
    }

    private void begin(WatchStore.Stored stored) {
        String id = stored.watch().id();
        if (endedForWantOfPermission(stored)) {
            return;
        }
        if (!Boolean.TRUE.equals(store.begin(id, clock.instant()).block())) {
            return;
        }
        Link link = links.parse(stored.watch().url());
        PlaylistListing.Result read = listing.read(link, ingestSettings.stagingDir().resolve("watch-" + id));
        if (read instanceof PlaylistListing.Failed failed) {
            end(stored, failed.failure().reason(), true);
            return;
        }
        var listed = ((PlaylistListing.Listed) read).listing();
        store.saveListing(id, listed.title(), listed.entries()).block();
        WatchStore.Stored now = store.find(id).block();
        if (now != null) {
            carryOn(now);
        }
    }

    /** Mirrors what is here, then starts the next download the playlist needs, or ends the sync. */
    private void carryOn(WatchStore.Stored stored) {
        List<WatchStore.Entry> entries = store.entries(stored.watch().id()).block();
        List<WatchStore.Entry> missing = follow(stored, entries);
        // an entry whose link Minstrel cannot download (none should be) is left out, never retried each tick
        List<WatchStore.Entry> untried = missing.stream()
                .filter(e -> !e.attempted() && identity(e.url()).isPresent()).toList();
        if (untried.isEmpty()) {
            boolean failed = stored.syncFetched() == 0 && stored.syncError() != null;
            end(stored, stored.syncError(), failed);
            return;
        }
        if (endedForWantOfPermission(stored)) {
            return;
        }
        // nothing of it here yet (the first sync): one job for the whole list, one run of the downloader
        boolean whole = untried.size() == entries.size() && entries.size() > 1;
        String url = whole ? stored.watch().url() : untried.get(0).url();
        Job job = ingest.submit(new Requester(stored.watch().ownerId(), false, true), url).block().job();
        store.jobStarted(stored.watch().id(), job.id(), whole ? -1 : untried.get(0).position()).block();
    }

    /**
     * Ends the check, without counting it as a failure, when the watch's owner may no longer add
     * music; the next one comes after the usual interval, or at once when asked for.
     */
    private boolean endedForWantOfPermission(WatchStore.Stored stored) {
        if (owners.mayIngest(stored.watch().ownerId())) {
            return false;
        }
        end(stored, NOT_ALLOWED, false);
        return true;
    }

    private void jobEnded(WatchStore.Stored stored, Job job) {
        String id = stored.watch().id();
        if (job == null) {
            store.jobEnded(id, 0, "The download was removed before it finished.").block();
            return;
        }
        int fetched = (int) job.items().stream().filter(i -> i.state() == ItemState.SUCCEEDED).count();
        String error = job.state() == JobState.SUCCEEDED ? null : job.items().stream().map(JobItem::error)
                .filter(Objects::nonNull).findFirst().orElse("The download ended " + job.state().key() + ".");
        if (job.items().size() == 1 && job.items().get(0).trackId() != null) {
            // a song already here under another source (same artist, title and length) has no tag pointing at this entry
            String trackId = job.items().get(0).trackId();
            for (WatchStore.Entry entry : store.entries(id).block()) {
                if (identity(entry.url()).filter(job.identity()::equals).isPresent()) {
                    store.entryTrack(id, entry.position(), trackId).block();
                }
            }
        }
        store.jobEnded(id, fetched, error).block();
    }

    /**
     * Gives the mirror the entries that are in the library, in order, and records their count; the
     * entries that are not.
     */
    private List<WatchStore.Entry> follow(WatchStore.Stored stored, List<WatchStore.Entry> entries) {
        Catalogue catalogue = library.catalogue();
        SourceIndex index = sourceIndex(catalogue);
        List<String> present = new ArrayList<>();
        List<WatchStore.Entry> missing = new ArrayList<>();
        for (WatchStore.Entry entry : entries) {
            Optional<String> track = identity(entry.url()).map(index.byIdentity()::get)
                    .or(() -> Optional.ofNullable(entry.trackId()).filter(t -> catalogue.track(t).isPresent()));
            track.ifPresentOrElse(present::add, () -> missing.add(entry));
        }
        Watch watch = stored.watch();
        String playlistId = watch.playlistId();
        if (playlistId == null || !Boolean.TRUE.equals(mirror.follow(playlistId, watch.name(), present).block())) {
            // the mirror went with its owner's account, or was never made: make it again while the watch lives
            if (store.find(watch.id()).block() != null) {
                playlistId = mirror.create(watch.ownerId(), watch.name(), watch.url()).block();
                store.setPlaylist(watch.id(), playlistId).block();
                mirror.follow(playlistId, watch.name(), present).block();
            }
        }
        store.trackCount(watch.id(), present.size()).block();
        return missing;
    }

    private void end(WatchStore.Stored stored, String error, boolean failed) {
        Watch watch = stored.watch();
        int failures = failed ? watch.failures() + 1 : 0;
        Instant now = clock.instant();
        Instant next = now.plus(settings.wait(failures));
        store.end(watch.id(), now, failures, error, next).block();
        if (failed) {
            // once per failed sync: the line an owner greps for when a mirror stops following its source
            log.warn("watched playlist {} ({}) failed to sync ({} in a row; next try {}): {}", watch.id(), watch.url(),
                    failures, next, error);
        }
    }

    /** The library's tracks by the source recorded in their tags, kept until the catalogue is replaced. */
    private record SourceIndex(Catalogue catalogue, Map<String, String> byIdentity) {
    }

    private SourceIndex sourceIndex(Catalogue catalogue) {
        SourceIndex known = sources;
        if (known.catalogue() == catalogue) {
            return known;
        }
        Map<String, String> byIdentity = new HashMap<>();
        for (Track track : catalogue.tracks()) {
            identity(track.sourceUrl()).ifPresent(identity -> byIdentity.putIfAbsent(identity, track.id()));
        }
        SourceIndex index = new SourceIndex(catalogue, Map.copyOf(byIdentity));
        sources = index;
        return index;
    }

    private Optional<String> identity(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(links.parse(url).identity());
        } catch (InvalidLinkException e) {
            return Optional.empty();
        }
    }

    private void refuseIfWatched(Link link) {
        WatchStore.Stored existing = store.findByIdentity(link.identity()).block();
        if (existing != null) {
            throw new WatchRefusedException(WatchRefusedException.Kind.ALREADY_WATCHED,
                    "This playlist is watched already (" + existing.watch().id() + ").", existing.watch().id());
        }
    }

    private Mono<WatchStore.Stored> visible(Requester requester, String id) {
        return store.find(id).filter(s -> requester.owner()
                || (requester.mayIngest() && requester.userId().equals(s.watch().ownerId())));
    }

    private void wake() {
        synchronized (wakeUps) { // emitters on several threads must take turns
            wakeUps.tryEmitNext(0L);
        }
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "wp-" + HexFormat.of().formatHex(bytes);
    }

    /** Stops the ticks and gives the lease up, so another instance takes the watches over at once. */
    @Override
    public synchronized void close() {
        if (ticks != null) {
            ticks.dispose();
        }
        if (renewals != null) {
            renewals.dispose();
        }
        if (holdsLease) {
            lease.release();
        }
    }
}
