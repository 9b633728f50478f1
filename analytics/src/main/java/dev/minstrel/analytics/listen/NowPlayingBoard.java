package dev.minstrel.analytics.listen;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each client of each user is playing now, in memory: it only matters for minutes, and a
 * restart at worst loses the inference of one skipped track per client.
 */
public final class NowPlayingBoard {

    private final Map<String, NowPlaying> playing = new ConcurrentHashMap<>();
    private final ListenRules rules;
    private final Clock clock;

    public NowPlayingBoard(ListenRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** Tracks playing now, newest first; those past their end and the pause grace are dropped. */
    public List<NowPlaying> playing() {
        Instant now = clock.instant();
        playing.values().removeIf(p -> isOver(p, now));
        return playing.values().stream()
                .sorted(Comparator.comparing(NowPlaying::startedAt).reversed())
                .toList();
    }

    NowPlaying current(String userId, String client) {
        return playing.get(key(userId, client));
    }

    /** The outcome of {@link #replace}: the play it replaced (null if none), or that it was the same play. */
    record Replacement(NowPlaying previous, boolean samePlay) {
    }

    /**
     * Makes {@code next} the client's current track. The same track reported again before it could
     * have ended is the same play (a resume, or a client repeating itself): the board then keeps the
     * original start.
     */
    Replacement replace(NowPlaying next) {
        Replacement[] outcome = new Replacement[1];
        playing.compute(key(next.userId(), next.client()), (key, current) -> {
            if (current != null && current.trackId().equals(next.trackId())
                    && next.startedAt().isBefore(current.startedAt().plusSeconds(current.durationSeconds()))) {
                outcome[0] = new Replacement(current, true);
                return current;
            }
            outcome[0] = new Replacement(current, false);
            return next;
        });
        return outcome[0];
    }

    /** Makes {@code next} the client's current track as it is, whatever was there. */
    void put(NowPlaying next) {
        playing.put(key(next.userId(), next.client()), next);
    }

    /** The client stopped: it plays nothing now. */
    void end(String userId, String client) {
        playing.remove(key(userId, client));
    }

    boolean isOver(NowPlaying play, Instant at) {
        return at.isAfter(play.startedAt().plusSeconds(play.durationSeconds()).plus(rules.pauseGrace()));
    }

    private static String key(String userId, String client) {
        return userId + '\u0000' + (client == null ? "" : client);
    }
}
