package dev.minstrel.ingest.queue;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The queue shared by several Minstrel instances through Redis: a stream of job ids read by one
 * consumer group (each instance a consumer), so each entry goes to one worker; an entry is acked
 * only when its job ended. A worker that dies leaves its entry pending; once it has been idle for
 * a lease another instance takes it over with XAUTOCLAIM (and the job store's lease decides who
 * may run it). Retries with backoff wait in a sorted set until due. Blocking reads use a
 * connection of their own: Lettuce multiplexes one connection, which a blocking XREADGROUP would
 * hold for everything else.
 */
public final class RedisJobQueue implements JobQueue {

    private static final String GROUP = "workers";
    private static final String FIELD = "job";
    private static final long MAX_ENTRIES = 10_000;

    private final String stream;
    private final String delayed;
    private final String consumer;
    private final Duration claimIdle;
    private final Clock clock;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisConnection<String, String> blockingConnection;
    private final RedisCommands<String, String> redis;

    /**
     * @param prefix    keys are {@code <prefix>:jobs} and {@code <prefix>:delayed}
     * @param consumer  this instance's consumer name (its node name)
     * @param claimIdle how long an entry stays with a silent worker before another takes it (the lease)
     */
    public RedisJobQueue(RedisClient client, String prefix, String consumer, Duration claimIdle, Clock clock) {
        this.stream = prefix + ":jobs";
        this.delayed = prefix + ":delayed";
        this.consumer = consumer;
        this.claimIdle = claimIdle;
        this.clock = clock;
        this.connection = client.connect();
        this.blockingConnection = client.connect();
        this.redis = connection.sync();
        try {
            redis.xgroupCreate(XReadArgs.StreamOffset.from(stream, "0-0"), GROUP, XGroupCreateArgs.Builder.mkstream());
        } catch (RedisBusyException e) {
            // BUSYGROUP: another instance created it first
        }
    }

    @Override
    public void offer(String jobId, Instant due) {
        if (due.isAfter(clock.instant())) {
            redis.zadd(delayed, due.toEpochMilli(), jobId);
        } else {
            add(jobId);
        }
    }

    private void add(String jobId) {
        redis.xadd(stream, XAddArgs.Builder.maxlen(MAX_ENTRIES).approximateTrimming(), Map.of(FIELD, jobId));
    }

    @Override
    public Optional<Delivery> take(Duration wait) {
        moveDueRetries();
        ClaimedMessages<String, String> orphaned = redis.xautoclaim(stream, new XAutoClaimArgs<String>()
                .consumer(Consumer.from(GROUP, consumer)).minIdleTime(claimIdle).startId("0-0").count(1));
        if (orphaned != null && !orphaned.getMessages().isEmpty()) {
            return Optional.of(delivery(orphaned.getMessages().get(0)));
        }
        List<StreamMessage<String, String>> fresh;
        synchronized (blockingConnection) {
            fresh = blockingConnection.sync().xreadgroup(Consumer.from(GROUP, consumer),
                    XReadArgs.Builder.count(1).block(Math.max(1, wait.toMillis())),
                    XReadArgs.StreamOffset.lastConsumed(stream));
        }
        return fresh == null || fresh.isEmpty() ? Optional.empty() : Optional.of(delivery(fresh.get(0)));
    }

    /** Retries whose backoff is over go to the stream; ZREM decides which instance moves each one. */
    private void moveDueRetries() {
        List<String> due = redis.zrangebyscore(delayed, Range.create(0, (double) clock.millis()), Limit.create(0, 16));
        for (String jobId : due) {
            if (redis.zrem(delayed, jobId) == 1) {
                add(jobId);
            }
        }
    }

    private static Delivery delivery(StreamMessage<String, String> message) {
        return new Delivery(message.getBody().get(FIELD), message.getId());
    }

    /** Resets the entry's idle time, so it is not taken over while this worker runs it. */
    @Override
    public void keepAlive(Delivery delivery) {
        redis.xclaim(stream, Consumer.from(GROUP, consumer), XClaimArgs.Builder.justid().minIdleTime(0), delivery.token());
    }

    @Override
    public void ack(Delivery delivery) {
        redis.xack(stream, GROUP, delivery.token());
    }

    /** Left pending: the worker that holds the job acks it; if that worker died, XAUTOCLAIM hands it on. */
    @Override
    public void release(Delivery delivery) {
    }

    @Override
    public void close() {
        connection.close();
        blockingConnection.close();
    }
}
