package dev.minstrel.analytics.history;

import java.time.Instant;

/** How often a user played a track or album, and when last: Subsonic's {@code playCount} and {@code played}. */
public record PlayCount(long count, Instant lastPlayed) {
}
