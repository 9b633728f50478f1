package dev.minstrel.analytics.listenbrainz;

/** The ListenBrainz server could not be reached or failed (5xx, 429, a timeout): nothing can be said of a token. */
public class ListenBrainzUnavailable extends RuntimeException {

    public ListenBrainzUnavailable(String message) {
        super(message);
    }
}
