package dev.minstrel.analytics.listen;

import java.time.Instant;

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
        NOW_PLAYING_TIMELINE;

        String key() {
            return this == SUBMISSION ? "submission" : "timeline";
        }

        static Source ofKey(String key) {
            return "submission".equals(key) ? SUBMISSION : NOW_PLAYING_TIMELINE;
        }
    }
}
