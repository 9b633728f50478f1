package dev.minstrel.subsonic.annotation;

import dev.minstrel.analytics.listen.ListenRecorder;
import dev.minstrel.analytics.listen.PlaybackState;
import dev.minstrel.analytics.listen.ScrobbleResult;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.ErrorCode;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.protocol.SubsonicException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** star, unstar, setRating, scrobble and reportPlayback (getNowPlaying: {@code lists.NowPlayingEndpoints}). */
public final class AnnotationEndpoints {

    private final MusicLibrary library;
    private final AnnotationStore store;
    private final ListenRecorder recorder;
    private final Clock clock;

    public AnnotationEndpoints(MusicLibrary library, AnnotationStore store, ListenRecorder recorder, Clock clock) {
        this.library = library;
        this.store = store;
        this.recorder = recorder;
        this.clock = clock;
    }

    public Mono<Reply> star(Call call) {
        return store.star(call.user().id(), itemIds(call), clock.millis()).thenReturn(Reply.EMPTY);
    }

    public Mono<Reply> unstar(Call call) {
        return store.unstar(call.user().id(), itemIds(call)).thenReturn(Reply.EMPTY);
    }

    public Mono<Reply> setRating(Call call) {
        String id = call.params().required("id");
        checkExists(library.catalogue(), id);
        int rating = call.params().integer("rating").orElseThrow(() -> SubsonicException.missing("rating"));
        if (rating < 0 || rating > 5) {
            throw SubsonicException.invalid("rating", Integer.toString(rating), "from 0 to 5");
        }
        return store.rate(call.user().id(), id, rating, clock.millis()).thenReturn(Reply.EMPTY);
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
     * play already did. Each new play it reports (listens, and submissions too early to be listens)
     * is added to the caller's cached play counts.
     */
    public Mono<Reply> scrobble(Call call) {
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

    /**
     * OpenSubsonic's reportPlayback: the client's playback state of a song. It shows in
     * getNowPlaying, and a play it ends counts as a listen of the seconds really heard (see
     * docs/listening-stats.md) unless {@code ignoreScrobble}. Minstrel has no podcasts, so a
     * podcast's id is not found. {@code playbackRate} moves the position getNowPlaying shows; the
     * seconds heard are the time spent listening, whatever the speed.
     */
    public Mono<Reply> reportPlayback(Call call) {
        String mediaId = call.params().required("mediaId");
        String mediaType = call.params().required("mediaType");
        if (!mediaType.equals("song") && !mediaType.equals("podcast")) {
            throw SubsonicException.invalid("mediaType", mediaType, "song or podcast");
        }
        long positionMs = call.params().longValue("positionMs").orElseThrow(() -> SubsonicException.missing("positionMs"));
        if (positionMs < 0) {
            throw SubsonicException.invalid("positionMs", Long.toString(positionMs), "a position in milliseconds from 0");
        }
        String stateName = call.params().required("state");
        PlaybackState state = PlaybackState.of(stateName).orElseThrow(() ->
                SubsonicException.invalid("state", stateName, "starting, playing, paused or stopped"));
        double rate = call.params().string("playbackRate").filter(r -> !r.isBlank())
                .map(AnnotationEndpoints::rate).orElse(1.0);
        boolean ignoreScrobble = call.params().bool("ignoreScrobble", false);
        if (mediaType.equals("podcast") || library.catalogue().track(mediaId).isEmpty()) {
            throw SubsonicException.notFound(mediaType.equals("podcast") ? "Podcast episode" : "Song");
        }
        return recorder.playback(call.user().id(), mediaId, call.client(), positionMs, state, rate, ignoreScrobble,
                        clock.instant())
                .doOnNext(this::counted).thenReturn(Reply.EMPTY);
    }

    private static double rate(String rate) {
        double value;
        try {
            value = Double.parseDouble(rate.strip());
        } catch (NumberFormatException e) {
            throw SubsonicException.invalid("playbackRate", rate, "a speed such as 1.0");
        }
        if (!(value > 0 && value <= 16)) {
            throw SubsonicException.invalid("playbackRate", rate, "a speed above 0, such as 1.0");
        }
        return value;
    }

    /** A new play, also a submission the listening rules did not count: the app shows it at once. */
    private void counted(ScrobbleResult result) {
        if (result.play() != null) {
            store.played(result.play());
        }
    }
}
