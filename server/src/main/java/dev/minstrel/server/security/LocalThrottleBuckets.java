package dev.minstrel.server.security;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
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
    public CompletableFuture<Long> tryTake(String key, BucketConfiguration configuration) {
        ConsumptionProbe probe = entry(key, configuration).bucket().tryConsumeAndReturnRemaining(1);
        return CompletableFuture.completedFuture(probe.isConsumed() ? 0L : probe.getNanosToWaitForRefill());
    }

    @Override
    public CompletableFuture<Void> giveBack(String key, BucketConfiguration configuration) {
        Entry entry = buckets.get(key);
        if (entry != null) {
            entry.bucket().addTokens(1);
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Long> tokensLeft(String key, BucketConfiguration configuration) {
        Entry entry = buckets.get(key);
        return CompletableFuture.completedFuture(entry == null ? configuration.getBandwidths()[0].getCapacity()
                : entry.bucket().getAvailableTokens());
    }

    @Override
    public CompletableFuture<Void> clear(String key) {
        buckets.remove(key);
        return CompletableFuture.completedFuture(null);
    }

    private Entry entry(String key, BucketConfiguration configuration) {
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(Entry::full);
        }
        return buckets.computeIfAbsent(key, k -> new Entry(
                Bucket.builder().addLimit(configuration.getBandwidths()[0]).build(),
                configuration.getBandwidths()[0].getCapacity()));
    }
}
