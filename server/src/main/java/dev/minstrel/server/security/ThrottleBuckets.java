package dev.minstrel.server.security;

import io.github.bucket4j.BucketConfiguration;

import java.util.concurrent.CompletableFuture;

/** Where the throttle's bucket4j buckets live: in this process, or in Redis for several instances. */
public interface ThrottleBuckets {

    /** Nanoseconds until one more attempt is allowed under this key; 0 when allowed now. */
    CompletableFuture<Long> nanosUntilAllowed(String key, BucketConfiguration configuration);

    /** Takes one token for a failure, even from an empty bucket; returns the tokens left (may be negative). */
    CompletableFuture<Long> takeFailure(String key, BucketConfiguration configuration);

    /** Forgets the key's failures. */
    CompletableFuture<Void> clear(String key);
}
