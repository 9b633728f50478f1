package dev.minstrel.ingest.events;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * Events shared by every instance through a Redis stream: each instance appends its events and
 * reads everyone's (its own included) on a connection of its own, then hands them to its live
 * clients. The stream is capped; a client that reconnects gets the current state from the
 * database, not a replay.
 */
public final class RedisIngestEvents implements IngestEvents {

    private static final Logger log = LoggerFactory.getLogger(RedisIngestEvents.class);
    private static final long MAX_ENTRIES = 1_000;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** The event as it travels: the owner id, which clients never see, travels beside it. */
    record Wire(String ownerId, IngestEvent event) {
    }

    private final String stream;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisConnection<String, String> readConnection;
    private final LocalIngestEvents local = new LocalIngestEvents();
    private final Thread reader;
    private volatile boolean closed;

    /** @param prefix the stream is {@code <prefix>:events} */
    public RedisIngestEvents(RedisClient client, String prefix) {
        this.stream = prefix + ":events";
        this.connection = client.connect();
        this.readConnection = client.connect();
        String start = readConnection.sync().exists(stream) == 0 ? "0-0" : lastId();
        this.reader = new Thread(() -> read(start), "ingest-events-redis");
        reader.setDaemon(true);
        reader.start();
    }

    private String lastId() {
        List<StreamMessage<String, String>> last = readConnection.sync().xrevrange(stream, Range.unbounded(),
                Limit.create(0, 1));
        return last.isEmpty() ? "0-0" : last.get(0).getId();
    }

    private void read(String from) {
        String last = from;
        while (!closed) {
            try {
                List<StreamMessage<String, String>> messages = readConnection.sync().xread(
                        XReadArgs.Builder.block(1000).count(100), XReadArgs.StreamOffset.from(stream, last));
                for (StreamMessage<String, String> message : messages) {
                    last = message.getId();
                    Wire wire = JSON.readValue(message.getBody().get("e"), Wire.class);
                    IngestEvent e = wire.event();
                    local.publish(new IngestEvent(e.type(), e.jobId(), wire.ownerId(), e.index(), e.job(), e.item()));
                }
            } catch (RuntimeException e) {
                if (!closed) {
                    log.warn("reading ingest events from Redis failed; retrying: {}", e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void publish(IngestEvent event) {
        connection.sync().xadd(stream, XAddArgs.Builder.maxlen(MAX_ENTRIES).approximateTrimming(),
                Map.of("e", JSON.writeValueAsString(new Wire(event.ownerId(), event))));
    }

    @Override
    public Flux<IngestEvent> live() {
        return local.live();
    }

    @Override
    public void close() {
        closed = true;
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
        readConnection.close();
        local.close();
    }
}
