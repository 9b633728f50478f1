package dev.minstrel.subsonic.annotation;

import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.model.ViewSource;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Endpoints;
import dev.minstrel.subsonic.protocol.ErrorCode;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.protocol.SubsonicException;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** star, unstar, setRating, scrobble and getNowPlaying. */
public final class AnnotationEndpoints {

    /** Below this a {@code time} is taken for seconds: some clients send seconds instead of ms. */
    private static final long SECONDS_LIMIT = 100_000_000_000L;

    private final MusicLibrary library;
    private final AnnotationStore store;
    private final ViewSource views;
    private final NowPlaying nowPlaying;
    private final Clock clock;

    public AnnotationEndpoints(MusicLibrary library, AnnotationStore store, ViewSource views, NowPlaying nowPlaying, Clock clock) {
        this.library = library;
        this.store = store;
        this.views = views;
        this.nowPlaying = nowPlaying;
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
                .data("getNowPlaying", call -> views.views(call).map(v -> {
                    Catalogue catalogue = v.catalogue();
                    long now = clock.millis();
                    List<dev.minstrel.subsonic.model.Child> entries = nowPlaying.current(id -> catalogue.track(id)
                                    .map(t -> t.durationSeconds() * 1000L).orElse(0L)).stream()
                            .flatMap(e -> catalogue.track(e.trackId()).stream().map(t -> v.song(t).playing(e.username(),
                                    (int) ((now - e.since()) / 60_000), e.playerId(), e.client())))
                            .toList();
                    return Reply.of("nowPlaying", new Payloads.NowPlaying(entries));
                }));
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
        boolean submission = call.params().bool("submission", true);
        Catalogue catalogue = library.catalogue();
        long now = clock.millis();
        List<Scrobble> scrobbles = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Track track = catalogue.track(ids.get(i)).orElseThrow(() -> SubsonicException.notFound("Song"));
            long time = times.isEmpty() ? now : times.get(i);
            if (time > 0 && time < SECONDS_LIMIT) {
                time *= 1000;
            }
            if (time <= 0 || time > now) {
                time = now;
            }
            scrobbles.add(new Scrobble(track.id(), time, submission));
        }
        if (!submission) {
            Scrobble last = scrobbles.get(scrobbles.size() - 1);
            nowPlaying.playing(call.user().id(), call.user().username(), call.client(), last.trackId());
        }
        return store.scrobble(call.user().id(), call.client(), scrobbles).thenReturn(Reply.EMPTY);
    }
}
