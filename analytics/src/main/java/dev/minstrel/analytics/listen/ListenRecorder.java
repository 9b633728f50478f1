package dev.minstrel.analytics.listen;

import dev.minstrel.analytics.listen.ScrobbleResult.Outcome;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns Subsonic scrobbles into listens (the rules are in docs/listening-stats.md):
 * <ul>
 *   <li>a submission ({@code submission=true}) is the client's word that the track was played: it
 *       counts at the client's time, however old, unless the same play is already counted;</li>
 *   <li>a now-playing report ({@code submission=false}) ends the client's previous track: if that
 *       began at least 30 s before (or the whole track, when shorter), it counts as a listen of that
 *       length, which is how skips after 45 s, never submitted by apps, are still counted;</li>
 *   <li>two reports of one track by one user starting closer than the track's length are one play.</li>
 * </ul>
 * What the Subsonic API reports as plays is wider: every listen, and every submission, also one the
 * rules do not count (sent under 30 s into the play, {@code NOT_YET}): the app said the track was
 * played and shows its play count at once. Such a submission is kept as a reported play until its
 * play becomes a listen after all, so that it is never counted twice.
 * Stream requests are not scrobbles and never reach this class: clients prefetch and cache.
 */
public final class ListenRecorder {

    /** Below this, a client's {@code time} must be seconds rather than milliseconds (in ms, it would be April 1970). */
    private static final long SECONDS_LIMIT = 10_000_000_000L;

    private final ListenStore store;
    private final ListenerProfiles profiles;
    private final NowPlayingBoard board;
    private final Supplier<Catalogue> catalogue;
    private final ListenRules rules;
    private final List<Consumer<String>> counted = new CopyOnWriteArrayList<>();
    private final List<Storing> storing = new CopyOnWriteArrayList<>();
    private final List<Started> started = new CopyOnWriteArrayList<>();
    private final PlaybackSessions playback = new PlaybackSessions();

    public ListenRecorder(ListenStore store, ListenerProfiles profiles, NowPlayingBoard board,
                          Supplier<Catalogue> catalogue, ListenRules rules) {
        this.store = store;
        this.profiles = profiles;
        this.board = board;
        this.catalogue = catalogue;
        this.rules = rules;
    }

    /** {@code listener} hears the user id of each listen counted, once it is stored. */
    public void onCounted(Consumer<String> listener) {
        counted.add(listener);
    }

    /** Work that must be stored with a new listen or not at all (an outbox row for another service). */
    @FunctionalInterface
    public interface Storing {
        void stored(DatabaseClient transaction, Listen listen, Track track);
    }

    /** Hears that a user's client began playing a track (a now-playing scrobble, or a playback report starting one). */
    @FunctionalInterface
    public interface Started {
        void started(String userId, Track track, String client, Instant at);
    }

    /** {@code work} runs with each new listen, in the transaction that stores it. */
    public void whileStoring(Storing work) {
        storing.add(work);
    }

    /** {@code listener} hears each track a client began playing, once the board shows it. */
    public void onStarted(Started listener) {
        started.add(listener);
    }

    private void began(String userId, Track track, String client, Instant at) {
        started.forEach(listener -> listener.started(userId, track, client, at));
    }

    private Mono<ScrobbleResult> told(Mono<ScrobbleResult> result) {
        return result.doOnNext(r -> {
            if (r.outcome() == Outcome.COUNTED) {
                counted.forEach(listener -> listener.accept(r.listen().userId()));
            }
        });
    }

    /**
     * The start time of a submitted play from the client's {@code time} parameter: milliseconds
     * since the epoch as the protocol says, or seconds as some clients send; absent, zero or in the
     * future (a client clock running ahead), the time it was received.
     */
    public static Instant clientTime(Long time, Instant receivedAt) {
        if (time == null || time <= 0) {
            return receivedAt;
        }
        Instant at = Instant.ofEpochMilli(time < SECONDS_LIMIT ? time * 1000 : time);
        return at.isAfter(receivedAt) ? receivedAt : at;
    }

    /** {@code scrobble} with {@code submission=false}: the client started playing {@code trackId}. */
    public Mono<ScrobbleResult> nowPlaying(String userId, String trackId, String client, Instant receivedAt) {
        return told(store.exclusively(tx -> {
            Optional<Track> track = catalogue.get().track(trackId);
            if (track.isEmpty()) {
                return ScrobbleResult.of(Outcome.UNKNOWN_TRACK);
            }
            NowPlayingBoard.Replacement replacement = board.replace(
                    NowPlaying.started(userId, trackId, client, receivedAt, track.get().durationSeconds()));
            if (replacement.samePlay()) {
                return ScrobbleResult.of(Outcome.STILL_PLAYING);
            }
            began(userId, track.get(), client, receivedAt);
            NowPlaying previous = replacement.previous();
            return previous == null ? ScrobbleResult.of(Outcome.NOTHING_PENDING) : ended(tx, previous, receivedAt);
        }));
    }

    /**
     * {@code scrobble} with {@code submission=true}.
     *
     * @param clientTime when the play started, already normalised by {@link #clientTime}
     */
    public Mono<ScrobbleResult> submission(String userId, String trackId, String client, Instant clientTime,
                                           Instant receivedAt) {
        return told(store.exclusively(tx -> {
            Optional<Track> found = catalogue.get().track(trackId);
            if (found.isEmpty()) {
                return ScrobbleResult.of(Outcome.UNKNOWN_TRACK);
            }
            Track track = found.get();
            Instant startedAt = clientTime;
            NowPlaying live = board.current(userId, client);
            if (live != null && live.trackId().equals(trackId)
                    && within(live.startedAt(), clientTime, rules.samePlayWindow(track.durationSeconds()))) {
                // the submission of the play the client is on: the board knows when it started, and a
                // client submitting on a skip (before the threshold) does not make that skip a listen
                long playedSoFar = Duration.between(live.startedAt(), receivedAt).toSeconds();
                if (playedSoFar < rules.thresholdSeconds(track.durationSeconds())) {
                    Play reported = ListenStore.report(tx, track, userId, live.startedAt(),
                            rules.samePlayWindow(track.durationSeconds()));
                    return new ScrobbleResult(Outcome.NOT_YET, null, reported);
                }
                startedAt = live.startedAt();
            }
            int seconds = track.durationSeconds() > 0 ? track.durationSeconds() : rules.minimumSeconds();
            return count(tx, track, userId, startedAt, seconds, client, Listen.Source.SUBMISSION, receivedAt);
        }));
    }

    /**
     * OpenSubsonic's {@code reportPlayback}: the client's playback state of {@code trackId} at
     * {@code positionMs}. It shows on the now-playing board (state, position and rate too); a play it ends (by {@code stopped},
     * by {@code starting} a track or by reporting another one) counts as a listen of the seconds
     * really heard (time in the playing state, pauses left out, at most the track's length) when
     * that reaches the threshold, unless a report of it asked {@code ignoreScrobble}. The same play
     * already counted from a scrobble is not counted again; its length becomes the seconds heard,
     * when fewer.
     *
     * @return what became of the play it ended ({@code NOTHING_PENDING} when it ended none)
     */
    public Mono<ScrobbleResult> playback(String userId, String trackId, String client, long positionMs,
                                         PlaybackState state, double playbackRate, boolean ignoreScrobble,
                                         Instant receivedAt) {
        return told(store.exclusively(tx -> {
            Optional<Track> track = catalogue.get().track(trackId);
            if (track.isEmpty()) {
                return ScrobbleResult.of(Outcome.UNKNOWN_TRACK);
            }
            PlaybackSessions.Change change = playback.report(userId, trackId, client, track.get().durationSeconds(),
                    positionMs, state, ignoreScrobble, receivedAt);
            if (state == PlaybackState.STARTING) {
                began(userId, track.get(), client, receivedAt);
            }
            if (change.current() != null) {
                board.put(new NowPlaying(userId, trackId, client, change.current().startedAt(),
                        track.get().durationSeconds(), state, positionMs, playbackRate, receivedAt));
            } else {
                board.end(userId, client);
            }
            PlaybackSessions.Session ended = change.ended();
            return ended == null || ended.ignoreScrobble() ? ScrobbleResult.of(Outcome.NOTHING_PENDING)
                    : heard(tx, ended, receivedAt);
        }));
    }

    private ScrobbleResult heard(DatabaseClient tx, PlaybackSessions.Session play, Instant at) {
        Optional<Track> found = catalogue.get().track(play.trackId());
        if (found.isEmpty()) {
            return ScrobbleResult.of(Outcome.UNKNOWN_TRACK);
        }
        return measured(tx, found.get(), play.userId(), play.startedAt(), play.heardSeconds(), play.client(),
                Listen.Source.PLAYBACK, at);
    }

    /** The client moved on from {@code previous} at {@code at}: was it a listen, and how long? */
    private ScrobbleResult ended(DatabaseClient tx, NowPlaying previous, Instant at) {
        if (board.isOver(previous, at)) {
            return ScrobbleResult.of(Outcome.STALE);
        }
        Optional<Track> found = catalogue.get().track(previous.trackId());
        if (found.isEmpty()) {
            return ScrobbleResult.of(Outcome.UNKNOWN_TRACK);
        }
        Track track = found.get();
        long elapsed = Duration.between(previous.startedAt(), at).toSeconds();
        int played = (int) (track.durationSeconds() > 0 ? Math.min(elapsed, track.durationSeconds()) : elapsed);
        return measured(tx, track, previous.userId(), previous.startedAt(), played, previous.client(),
                Listen.Source.NOW_PLAYING_TIMELINE, at);
    }

    /**
     * A play whose length was seen ({@code seconds}): a listen if long enough. The same play counted
     * before as longer (submitted as a whole play) takes the length seen, where it really stopped.
     */
    private ScrobbleResult measured(DatabaseClient tx, Track track, String userId, Instant startedAt, int seconds,
                                    String client, Listen.Source source, Instant at) {
        if (seconds < rules.thresholdSeconds(track.durationSeconds())) {
            return ScrobbleResult.of(Outcome.TOO_SHORT);
        }
        ScrobbleResult result = count(tx, track, userId, startedAt, seconds, client, source, at);
        if (result.outcome() == Outcome.DUPLICATE && result.listen().secondsPlayed() > seconds) {
            return new ScrobbleResult(Outcome.DUPLICATE, ListenStore.shorten(tx, result.listen(), seconds), null);
        }
        return result;
    }

    private ScrobbleResult count(DatabaseClient tx, Track track, String userId, Instant startedAt, int seconds, String client,
                                 Listen.Source source, Instant receivedAt) {
        Duration window = rules.samePlayWindow(track.durationSeconds());
        Optional<Listen> same = ListenStore.samePlay(tx, userId, track.id(), startedAt, window);
        if (same.isPresent()) {
            return new ScrobbleResult(Outcome.DUPLICATE, same.get(), null);
        }
        Listen listen = ListenStore.insert(tx, track, userId, startedAt, seconds, client, source, receivedAt,
                profiles.storedZone(tx, userId));
        storing.forEach(work -> work.stored(tx, listen, track));
        // a play the app already reported, and the Subsonic API counted, is now this listen
        boolean reportedBefore = ListenStore.unreport(tx, userId, track.id(), startedAt, window);
        return new ScrobbleResult(Outcome.COUNTED, listen, reportedBefore ? null : Play.of(listen));
    }

    private static boolean within(Instant a, Instant b, Duration window) {
        return Duration.between(a, b).abs().compareTo(window) < 0;
    }
}
