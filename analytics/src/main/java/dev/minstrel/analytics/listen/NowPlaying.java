package dev.minstrel.analytics.listen;

import java.time.Duration;
import java.time.Instant;

/**
 * A track a client reported as now playing, since {@code startedAt}; at {@code reportedAt} it was
 * in {@code state} at {@code positionMs}, going at {@code playbackRate} (a scrobble says only that
 * it started; {@code reportPlayback} says more).
 */
public record NowPlaying(String userId, String trackId, String client, Instant startedAt, int durationSeconds,
                         PlaybackState state, long positionMs, double playbackRate, Instant reportedAt) {

    /** A track a scrobble ({@code submission=false}) says began playing at {@code at}. */
    static NowPlaying started(String userId, String trackId, String client, Instant at, int durationSeconds) {
        return new NowPlaying(userId, trackId, client, at, durationSeconds, PlaybackState.PLAYING, 0, 1.0, at);
    }

    /** Where the track is at {@code now}: it moves on while playing, at most to its end. */
    public long positionAt(Instant now) {
        if (state != PlaybackState.PLAYING && state != PlaybackState.STARTING) {
            return positionMs;
        }
        long moved = (long) (Math.max(0, Duration.between(reportedAt, now).toMillis()) * playbackRate);
        long position = positionMs + moved;
        return durationSeconds > 0 ? Math.min(position, durationSeconds * 1000L) : position;
    }
}
