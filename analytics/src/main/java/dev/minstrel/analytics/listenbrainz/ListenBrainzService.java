package dev.minstrel.analytics.listenbrainz;

import dev.minstrel.analytics.history.ExportedListen;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * A ListenBrainz server as Minstrel uses it ({@code /1/validate-token}, {@code /1/submit-listens}):
 * the edge to the outside, which the server implements over HTTP.
 */
public interface ListenBrainzService {

    /** Checks a user token; fails with {@link ListenBrainzUnavailable} when the server cannot say. */
    Mono<TokenCheck> validate(String token);

    /** Submits listens, oldest first ({@code single} for one, {@code import} for more); never fails, says what happened. */
    Mono<Submission> submit(String token, List<ExportedListen> listens);

    /** Reports what the user is playing now ({@code playing_now}); never fails, says what happened. */
    Mono<Submission> playingNow(String token, ExportedListen listen);

    /** @param userName the ListenBrainz account of a valid token, null for an invalid one */
    record TokenCheck(boolean valid, String userName) {
    }

    /**
     * What ListenBrainz made of a submission.
     *
     * @param retryIn for {@code UNAVAILABLE}: how long ListenBrainz asked to wait (429's
     *                {@code X-RateLimit-Reset-In}), null when it did not say
     * @param message what went wrong, in words for the user (null when accepted)
     */
    record Submission(Outcome outcome, Duration retryIn, String message) {

        public static final Submission ACCEPTED = new Submission(Outcome.ACCEPTED, null, null);

        public enum Outcome {
            /** stored by ListenBrainz */
            ACCEPTED,
            /** 401: the token is no longer valid; sending more is useless until the user connects again */
            UNAUTHORIZED,
            /** 400 and the like: ListenBrainz will never take these listens as they are */
            REJECTED,
            /** down, unreachable, 5xx or 429: try again later */
            UNAVAILABLE
        }
    }
}
