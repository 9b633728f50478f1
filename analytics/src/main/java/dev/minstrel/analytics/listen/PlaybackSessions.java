package dev.minstrel.analytics.listen;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What each client of each user told of its playback through {@code reportPlayback}: the track, when
 * its play began, and how long it has really been heard (only the time spent in the playing state,
 * pauses left out). In memory, like the now-playing board: a restart loses at most one play per
 * client. Not thread-safe: {@link ListenRecorder} calls it inside the store's single writer.
 */
final class PlaybackSessions {

    /** A play in progress. {@code playingSince} is null while paused. */
    record Session(String userId, String trackId, String client, Instant startedAt, long heardMillis,
                   Instant playingSince, int durationSeconds, boolean ignoreScrobble) {

        /** Adds the time played since the last report, at most what was left of the track. */
        Session at(Instant now) {
            if (playingSince == null) {
                return this;
            }
            long elapsed = Math.max(0, Duration.between(playingSince, now).toMillis());
            long left = durationSeconds > 0 ? Math.max(0, durationSeconds * 1000L - heardMillis) : elapsed;
            return new Session(userId, trackId, client, startedAt, heardMillis + Math.min(elapsed, left), now,
                    durationSeconds, ignoreScrobble);
        }

        Session playing(Instant now, boolean playing) {
            return new Session(userId, trackId, client, startedAt, heardMillis, playing ? now : null, durationSeconds,
                    ignoreScrobble);
        }

        int heardSeconds() {
            return (int) (heardMillis / 1000);
        }
    }

    /** What a report did: the play it ended (null if none) and the play now going on (null if none). */
    record Change(Session ended, Session current) {
    }

    private final Map<String, Session> sessions = new HashMap<>();

    /**
     * Applies one report. Reporting {@code starting}, or another track, ends the client's play in
     * progress; {@code stopped} ends it too. A first report of {@code playing} or {@code paused}
     * (the server restarted, or the client skipped {@code starting}) begins a play
     * {@code positionMs} before now.
     */
    Change report(String userId, String trackId, String client, int durationSeconds, long positionMs,
                  PlaybackState state, boolean ignoreScrobble, Instant now) {
        String key = userId + '\u0000' + (client == null ? "" : client);
        Session current = sessions.remove(key);
        Session ended = null;
        if (current != null && (state == PlaybackState.STARTING || !current.trackId().equals(trackId))) {
            ended = current.at(now);
            current = null;
        }
        if (current == null) {
            if (state == PlaybackState.STOPPED) {
                return new Change(ended, null);
            }
            current = new Session(userId, trackId, client, now.minusMillis(positionMs), 0,
                    state == PlaybackState.PAUSED ? null : now, durationSeconds, ignoreScrobble);
        } else {
            current = current.at(now);
            if (ignoreScrobble && !current.ignoreScrobble()) {
                current = new Session(current.userId(), trackId, client, current.startedAt(), current.heardMillis(),
                        current.playingSince(), durationSeconds, true);
            }
            if (state == PlaybackState.STOPPED) {
                return new Change(current, null);
            }
            current = current.playing(now, state != PlaybackState.PAUSED);
        }
        sessions.put(key, current);
        return new Change(ended, current);
    }
}
