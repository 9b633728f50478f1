package dev.minstrel.server.security;

import io.github.bucket4j.BucketConfiguration;

import java.util.concurrent.CompletableFuture;

/**
 * Where the throttle's bucket4j buckets live: in this process, or in Redis for several instances.
 * No operation takes a bucket below zero: a bucket in debt would stay closed for longer than its
 * window, and the window is the longest block the documentation promises.
 */
public interface ThrottleBuckets {

    /** Nanoseconds until one more attempt is allowed under this key; 0 when allowed now. Takes nothing. */
    CompletableFuture<Long> nanosUntilAllowed(String key, BucketConfiguration configuration);

    /** Takes one token if there is one: 0 when taken, else the nanoseconds until there is one. */
    CompletableFuture<Long> tryTake(String key, BucketConfiguration configuration);

    /** Gives back a token taken by {@link #tryTake} for an attempt that turned out not to fail. */
    CompletableFuture<Void> giveBack(String key, BucketConfiguration configuration);

    /** The tokens left under this key (the full capacity for a key never used). */
    CompletableFuture<Long> tokensLeft(String key, BucketConfiguration configuration);

    /** Forgets the key's failures. */
    CompletableFuture<Void> clear(String key);
}
