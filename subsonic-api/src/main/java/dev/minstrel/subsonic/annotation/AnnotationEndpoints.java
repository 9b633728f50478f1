package dev.minstrel.subsonic.annotation;

import dev.minstrel.analytics.history.NowPlayingEntry;
import dev.minstrel.analytics.history.PlayHistory;
import dev.minstrel.analytics.listen.ListenRecorder;
import dev.minstrel.analytics.listen.ScrobbleResult;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.subsonic.auth.SubsonicAccounts;
import dev.minstrel.subsonic.auth.SubsonicUser;
import dev.minstrel.subsonic.model.Child;
import dev.minstrel.subsonic.view.ItemViews;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.view.ViewSource;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Endpoints;
import dev.minstrel.subsonic.protocol.ErrorCode;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.protocol.SubsonicException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** star, unstar, setRating, scrobble and getNowPlaying. */
public final class AnnotationEndpoints {

    private final MusicLibrary library;
    private final AnnotationStore store;
    private final ViewSource views;
    private final ListenRecorder recorder;
    private final PlayHistory history;
    private final SubsonicAccounts accounts;
    private final Clock clock;
    /** getNowPlaying's playerId: a small number that stays the same per user and client while the server runs */
    private final Map<String, Integer> playerIds = new ConcurrentHashMap<>();
    private final AtomicInteger lastPlayerId = new AtomicInteger();

    public AnnotationEndpoints(MusicLibrary library, AnnotationStore store, ViewSource views, ListenRecorder recorder,
                               PlayHistory history, SubsonicAccounts accounts, Clock clock) {
        this.library = library;
        this.store = store;
        this.views = views;
        this.recorder = recorder;
        this.history = history;
        this.accounts = accounts;
        this.clock = clock;
    }

    public void register(Endpoints endpoints) {
        endpoints
                .data("star", call -> store.star(call.user().id(), itemIds(call), clock.millis()).thenReturn(Reply.EMPTY))
                .data("unstar", call -> store.unstar(call.user().id(), itemIds(call)).thenReturn(Reply.EMPTY))
                .data("setRating", call -> {
                    String id = call.params().required("id");
                    checkExists(library.catalogue(), id);
                    int rating = call.params().integer("rating").orElseThrow(() -> SubsonicException.missing("rating"));
                    if (rating < 0 || rating > 5) {
                        throw SubsonicException.invalid("rating", Integer.toString(rating), "from 0 to 5");
                    }
                    return store.rate(call.user().id(), id, rating, clock.millis()).thenReturn(Reply.EMPTY);
                })
                .data("scrobble", this::scrobble)
                .data("getNowPlaying", this::nowPlaying);
    }

    /** id, albumId and artistId together, each repeatable; every id must exist. */
    private List<String> itemIds(Call call) {
        List<String> ids = new ArrayList<>();
        ids.addAll(call.params().all("id"));
        ids.addAll(call.params().all("albumId"));
        ids.addAll(call.params().all("artistId"));
        ids.removeIf(String::isBlank);
        if (ids.isEmpty()) {
            throw SubsonicException.missing("id");
        }
        Catalogue catalogue = library.catalogue();
        ids.forEach(id -> checkExists(catalogue, id));
        return ids;
    }

    private static void checkExists(Catalogue catalogue, String id) {
        if (catalogue.track(id).isEmpty() && catalogue.album(id).isEmpty() && catalogue.artist(id).isEmpty()
                && catalogue.folder(id).isEmpty()) {
            throw SubsonicException.notFound("Item " + id);
        }
    }

    /**
     * The analytics module decides what counts as a listen (docs/listening-stats.md): a now-playing
     * report may end the client's previous track as a listen, a submission counts unless the same
     * play already did. Each listen counted is added to the caller's cached play counts.
     */
    private Mono<Reply> scrobble(Call call) {
        List<String> ids = call.params().all("id");
        if (ids.isEmpty()) {
            throw SubsonicException.missing("id");
        }
        List<Long> times = call.params().longs("time");
        if (!times.isEmpty() && times.size() != ids.size()) {
            throw new SubsonicException(ErrorCode.GENERIC, "Send one 'time' per 'id' (got " + times.size() + " for "
                    + ids.size() + ")");
        }
        Catalogue catalogue = library.catalogue();
        ids.forEach(id -> catalogue.track(id).orElseThrow(() -> SubsonicException.notFound("Song")));
        String userId = call.user().id();
        Instant now = clock.instant();
        if (!call.params().bool("submission", true)) {
            // a client announces one track at a time; of several, the last is the one playing
            return recorder.nowPlaying(userId, ids.get(ids.size() - 1), call.client(), now)
                    .doOnNext(this::counted).thenReturn(Reply.EMPTY);
        }
        return Flux.range(0, ids.size())
                .concatMap(i -> recorder.submission(userId, ids.get(i), call.client(),
                        ListenRecorder.clientTime(times.isEmpty() ? null : times.get(i), now), now))
                .doOnNext(this::counted)
                .then(Mono.just(Reply.EMPTY));
    }

    private void counted(ScrobbleResult result) {
        if (result.outcome() == ScrobbleResult.Outcome.COUNTED) {
            store.listened(result.listen());
        }
    }

    /** Everyone's players, newest first; {@code minutesAgo} counts from when the track began. */
    private Mono<Reply> nowPlaying(Call call) {
        return accounts.all().collectMap(SubsonicUser::id, SubsonicUser::username)
                .zipWith(views.views(call))
                .map(t -> {
                    Map<String, String> usernames = t.getT1();
                    ItemViews v = t.getT2();
                    List<Child> entries = new ArrayList<>();
                    for (NowPlayingEntry entry : history.nowPlaying()) {
                        String username = usernames.get(entry.userId());
                        v.catalogue().track(entry.trackId()).filter(track -> username != null).ifPresent(track ->
                                entries.add(v.song(track).playing(username, entry.minutesAgo(),
                                        playerId(entry), entry.client())));
                    }
                    return Reply.of("nowPlaying", new Payloads.NowPlaying(entries));
                });
    }

    private int playerId(NowPlayingEntry entry) {
        return playerIds.computeIfAbsent(entry.userId() + '\u0000' + entry.client(), key -> lastPlayerId.incrementAndGet());
    }
}
