package dev.minstrel.analytics.listen;

import java.time.Instant;
import java.util.Arrays;

/**
 * One real play of a track by a user: played for at least 30 seconds, or to its end when the
 * track is shorter (see {@link ListenRules}).
 *
 * @param startedAt when the play began (UTC)
 * @param client    the Subsonic client name ({@code c=}) that reported it
 */
public record Listen(long id, String userId, String trackId, String albumId, String artistId, String genre,
                     Instant startedAt, int secondsPlayed, String client, Source source) {

    /** How Minstrel learnt of the play. */
    public enum Source {
        /** a {@code scrobble} with {@code submission=true} */
        SUBMISSION,
        /** the now-playing timeline: the client moved on to the next track long enough after this one began */
        NOW_PLAYING_TIMELINE,
        /** OpenSubsonic's {@code reportPlayback}: the client told how long the track was heard */
        PLAYBACK,
        /** brought from an export file ({@code POST /api/me/listens/import}) */
        IMPORT;

        String key() {
            return switch (this) {
                case SUBMISSION -> "submission";
                case NOW_PLAYING_TIMELINE -> "timeline";
                case PLAYBACK -> "playback";
                case IMPORT -> "import";
            };
        }

        static Source ofKey(String key) {
            return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst()
                    .orElse(NOW_PLAYING_TIMELINE);
        }
    }
}
