package dev.minstrel.analytics.listen;

/**
 * What a scrobble did. For a now-playing report it tells what became of the track the same client
 * was playing before; for a submission, of the submitted play.
 *
 * @param listen the listen counted, or the one already stored for a duplicate; null otherwise
 * @param play   a play the Subsonic API's play counts gain by this scrobble (a new listen, or a
 *               submission the rules did not count); null when they gain none
 */
public record ScrobbleResult(Outcome outcome, Listen listen, Play play) {

    public enum Outcome {
        /** a new listen was stored */
        COUNTED,
        /** the play was already counted (offline scrobble sent again, submission after an inferred listen) */
        DUPLICATE,
        /** played for less than the threshold: a skip */
        TOO_SHORT,
        /**
         * the client reports a play it only started a moment ago: no listen (the timeline will tell),
         * but a play in what the Subsonic API reports
         */
        NOT_YET,
        /** the previous now-playing ended so long ago that nobody knows whether it was played */
        STALE,
        /** nothing was playing on this client before */
        NOTHING_PENDING,
        /** the same track again while it could still be playing: a resume or a repeated report */
        STILL_PLAYING,
        /** the track is not in the library */
        UNKNOWN_TRACK
    }

    static ScrobbleResult of(Outcome outcome) {
        return new ScrobbleResult(outcome, null, null);
    }
}
