package dev.minstrel.analytics.history;

import java.time.Instant;

/** One row of getNowPlaying: the caller maps the user id to a username. */
public record NowPlayingEntry(String userId, String trackId, String client, Instant startedAt, int minutesAgo) {
}
