package dev.minstrel.ingest.download;

/**
 * Why something failed, in plain words, and whether trying again later can help (rate limits,
 * network, a crash) or not (no match, unavailable video, a tool missing).
 */
public record Failure(String reason, boolean transientFailure) {

    public static Failure permanent(String reason) {
        return new Failure(reason, false);
    }

    public static Failure temporary(String reason) {
        return new Failure(reason, true);
    }
}
