package dev.minstrel.subsonic.lists;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The order of a random album list, kept per user and client for {@link #KEPT_FOR} after it was
 * drawn, so that a client paging its Random view with {@code offset} walks every album once
 * instead of loading a fresh shuffle, and so duplicates, on every page. Two apps of one user, or
 * two users, each get their own order. Kept in memory for the most recent {@value #KEPT_SEEDS}
 * callers: a forgotten order only means the next page starts a new shuffle.
 */
final class RandomOrder {

    static final Duration KEPT_FOR = Duration.ofMinutes(10);
    private static final int KEPT_SEEDS = 1_000;

    private record Seed(long value, Instant drawn) {
    }

    private final Clock clock;
    private final Map<String, Seed> seeds = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seed> eldest) {
            return size() > KEPT_SEEDS;
        }
    });

    RandomOrder(Clock clock) {
        this.clock = clock;
    }

    /** {@code items} (in a stable order) shuffled as this caller's current order shuffles them. */
    <T> List<T> shuffled(List<T> items, String userId, String client) {
        Instant now = clock.instant();
        Seed seed = seeds.compute(userId + "\n" + client, (key, current) ->
                current != null && current.drawn().plus(KEPT_FOR).isAfter(now) ? current
                        : new Seed(ThreadLocalRandom.current().nextLong(), now));
        List<T> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed.value()));
        return shuffled;
    }
}
