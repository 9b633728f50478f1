package dev.minstrel.analytics.listen;

import java.time.Instant;

/** A track a client reported as now playing, since {@code startedAt}. */
public record NowPlaying(String userId, String trackId, String client, Instant startedAt, int durationSeconds) {
}
