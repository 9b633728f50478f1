package dev.minstrel.ingest.landing;

/** A downloaded file that cannot go into the library; the message says why, in plain words. */
public class LandingException extends Exception {

    public LandingException(String message) {
        super(message);
    }
}
