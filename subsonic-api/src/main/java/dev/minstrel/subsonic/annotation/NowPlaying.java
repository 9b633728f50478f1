package dev.minstrel.subsonic.annotation;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What each user is playing on each client, from {@code scrobble submission=false}; memory only. */
public final class NowPlaying {

    /** One player's current track. {@code playerId} is a small number that stays the same per user and client. */
    public record Entry(String userId, String username, String client, int playerId, String trackId, long since) {
    }

    private final Clock clock;
    private final Map<String, Entry> byPlayer = new ConcurrentHashMap<>();
    private final AtomicInteger nextPlayerId = new AtomicInteger(1);
    private final Map<String, Integer> playerIds = new ConcurrentHashMap<>();

    public NowPlaying(Clock clock) {
        this.clock = clock;
    }

    public void playing(String userId, String username, String client, String trackId) {
        String key = userId + "\0" + client;
        int playerId = playerIds.computeIfAbsent(key, k -> nextPlayerId.getAndIncrement());
        byPlayer.put(key, new Entry(userId, username, client, playerId, trackId, clock.millis()));
    }

    /** Entries whose track could still be playing: started less than its duration plus a grace period ago. */
    public List<Entry> current(java.util.function.ToLongFunction<String> durationMillis) {
        long now = clock.millis();
        byPlayer.values().removeIf(e -> now - e.since() > durationMillis.applyAsLong(e.trackId()) + 120_000);
        return byPlayer.values().stream().sorted(java.util.Comparator.comparingLong(Entry::since).reversed()).toList();
    }
}
