package dev.minstrel.server.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets in a map in this process. A bucket that has refilled completely holds nothing worth
 * keeping, so those are dropped whenever the map grows past {@link #SWEEP_ABOVE} keys: a flood of
 * addresses cannot grow it without bound for longer than one window.
 */
public class LocalThrottleBuckets implements ThrottleBuckets {

    static final int SWEEP_ABOVE = 10_000;

    private record Entry(Bucket bucket, long capacity) {

        boolean full() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Long> nanosUntilAllowed(String key, BucketConfiguration configuration) {
        Entry entry = buckets.get(key);
        if (entry == null) {
            return CompletableFuture.completedFuture(0L);
        }
        EstimationProbe probe = entry.bucket().estimateAbilityToConsume(1);
        return CompletableFuture.completedFuture(probe.canBeConsumed() ? 0L : probe.getNanosToWaitForRefill());
    }

    @Override
    public CompletableFuture<Long> takeFailure(String key, BucketConfiguration configuration) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(Entry::full);
        }
        Entry entry = buckets.computeIfAbsent(key, k -> new Entry(
                Bucket.builder().addLimit(configuration.getBandwidths()[0]).build(),
                configuration.getBandwidths()[0].getCapacity()));
        entry.bucket().consumeIgnoringRateLimits(1);
        return CompletableFuture.completedFuture(entry.bucket().getAvailableTokens());
    }

    @Override
    public CompletableFuture<Void> clear(String key) {
        buckets.remove(key);
        return CompletableFuture.completedFuture(null);
    }
}
