package dev.minstrel.analytics.listenbrainz;

import java.time.Instant;

/**
 * A user's link to ListenBrainz as they see it (never the token).
 *
 * @param connected       a token is stored (also when ListenBrainz later refused it: see {@code lastError})
 * @param userName        the ListenBrainz account the token belongs to
 * @param queued          listens waiting to be sent
 * @param lastSubmittedAt when ListenBrainz last took listens, null before the first time
 * @param lastError       why the last attempt failed, null when it worked
 * @param sending         false when ListenBrainz refused the token (401): nothing is sent until the user connects again
 */
public record ListenBrainzStatus(boolean connected, String userName, long queued, Instant lastSubmittedAt,
                                 String lastError, boolean sending) {

    public static final ListenBrainzStatus NOT_CONNECTED = new ListenBrainzStatus(false, null, 0, null, null, false);
}
