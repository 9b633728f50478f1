package dev.minstrel.analytics.history;

import java.time.Instant;

/**
 * One row of getNowPlaying: the caller maps the user id to a username.
 *
 * @param state        starting, playing or paused
 * @param positionMs   where the track is now, as far as the server can tell
 * @param playbackRate the speed the client last reported (1.0 unless it said otherwise)
 */
public record NowPlayingEntry(String userId, String trackId, String client, Instant startedAt, int minutesAgo,
                              String state, long positionMs, double playbackRate) {
}
