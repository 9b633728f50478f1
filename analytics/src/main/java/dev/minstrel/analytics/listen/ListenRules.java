package dev.minstrel.analytics.listen;

import java.time.Duration;

/**
 * What counts as a listen.
 *
 * @param minimumSeconds a play this long counts; a shorter track counts when played to its end
 * @param pauseGrace     how long after a now-playing track should have ended it is still taken as
 *                       playing (paused); later, nobody knows what happened to it, so the next
 *                       now-playing infers nothing from it and getNowPlaying no longer lists it
 */
public record ListenRules(int minimumSeconds, Duration pauseGrace) {

    public static final ListenRules DEFAULTS = new ListenRules(30, Duration.ofMinutes(10));

    public ListenRules {
        if (minimumSeconds < 1) {
            throw new IllegalArgumentException("minimumSeconds must be at least 1");
        }
        if (pauseGrace.isNegative()) {
            throw new IllegalArgumentException("pauseGrace must not be negative");
        }
    }

    /** Seconds a track of this length must play to count; 0 means the length is unknown. */
    int thresholdSeconds(int durationSeconds) {
        return durationSeconds > 0 ? Math.min(minimumSeconds, durationSeconds) : minimumSeconds;
    }

    /**
     * Two reports of the same track by the same user whose start times are closer than this are
     * one play: nobody can play a track twice in less than its own length.
     */
    Duration samePlayWindow(int durationSeconds) {
        return Duration.ofSeconds(Math.max(durationSeconds, minimumSeconds));
    }
}
