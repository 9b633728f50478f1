package dev.minstrel.server.security;

import java.time.Duration;

/** Too many failed attempts from this address or for this username: refused without checking. */
public class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed attempts: try again in " + retrySeconds(retryAfter) + " seconds", null, false, false);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds to wait, rounded up, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return retrySeconds(retryAfter);
    }

    private static long retrySeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
