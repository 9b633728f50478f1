package dev.minstrel.ingest.watch;

import java.time.Duration;
import java.util.Objects;

/**
 * How watched playlists are kept in sync.
 *
 * @param interval   time between two checks of a playlist
 * @param maxBackoff a failing watch waits the interval doubled for each failure in a row, at most this
 * @param tick       how often the instance holding the watch lease looks for due checks and finished jobs
 * @param lease      how long that lease lasts unrenewed, after which another instance takes the watches over
 */
public record WatchSettings(Duration interval, Duration maxBackoff, Duration tick, Duration lease) {

    public WatchSettings {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the watch interval must be positive");
        }
        if (lease.compareTo(tick.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("the watch lease must last at least two ticks, to be renewed in time");
        }
    }

    /** When a watch that failed {@code failures} times in a row is checked again. */
    Duration wait(int failures) {
        Duration wait = interval;
        for (int i = 0; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return failures == 0 || wait.compareTo(maxBackoff) <= 0 ? wait : maxBackoff;
    }
}
