package dev.minstrel.server.security;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Buckets kept in Redis through bucket4j's Lettuce support (compare-and-swap), so every instance
 * behind the tunnel counts the same failures. Keys expire once their bucket has refilled.
 */
public class RedisThrottleBuckets implements ThrottleBuckets, AutoCloseable {

    private final String keyPrefix;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;

    /**
     * Connects at once, so a wrong URL or a Redis that is down stops the start instead of a login.
     *
     * @param prefix the first part of the keys ({@code <prefix>:throttle:...})
     */
    public RedisThrottleBuckets(String url, String prefix) {
        this.keyPrefix = prefix + ":throttle:";
        this.client = RedisClient.create(url);
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build()
                .asAsync();
    }

    @Override
    public CompletableFuture<Long> nanosUntilAllowed(String key, BucketConfiguration configuration) {
        return bucket(key, configuration).estimateAbilityToConsume(1)
                .thenApply(probe -> probe.canBeConsumed() ? 0L : probe.getNanosToWaitForRefill());
    }

    @Override
    public CompletableFuture<Long> tryTake(String key, BucketConfiguration configuration) {
        return bucket(key, configuration).tryConsumeAndReturnRemaining(1)
                .thenApply(probe -> probe.isConsumed() ? 0L : probe.getNanosToWaitForRefill());
    }

    @Override
    public CompletableFuture<Void> giveBack(String key, BucketConfiguration configuration) {
        return bucket(key, configuration).addTokens(1);
    }

    @Override
    public CompletableFuture<Long> tokensLeft(String key, BucketConfiguration configuration) {
        return bucket(key, configuration).getAvailableTokens();
    }

    @Override
    public CompletableFuture<Void> clear(String key) {
        return buckets.removeProxy(keyPrefix + key);
    }

    private AsyncBucketProxy bucket(String key, BucketConfiguration configuration) {
        return buckets.builder().build(keyPrefix + key, () -> CompletableFuture.completedFuture(configuration));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
