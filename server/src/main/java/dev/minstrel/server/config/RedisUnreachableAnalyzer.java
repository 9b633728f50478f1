package dev.minstrel.server.config;

import io.lettuce.core.RedisConnectionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A Redis that cannot be reached at start-up is named in one line (by {@link OneLineFailureReporter})
 * rather than a stack trace. Lettuce's message names host and port, never the URL's password.
 */
class RedisUnreachableAnalyzer extends AbstractFailureAnalyzer<RedisConnectionException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RedisConnectionException cause) {
        Throwable reason = cause;
        while (reason.getCause() != null) {
            reason = reason.getCause();
        }
        String detail = reason == cause || reason.getMessage() == null ? "" : " (" + reason.getMessage() + ")";
        return new FailureAnalysis("Redis (minstrel.redis.url) cannot be reached: " + cause.getMessage() + detail + ".",
                "Start Redis, or unset MINSTREL_REDIS_URL to keep everything in this process.", cause);
    }
}
