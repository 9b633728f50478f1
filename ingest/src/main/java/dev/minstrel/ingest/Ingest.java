package dev.minstrel.ingest;

import dev.minstrel.ingest.events.IngestEvents;
import dev.minstrel.ingest.events.LocalIngestEvents;
import dev.minstrel.ingest.events.RedisIngestEvents;
import dev.minstrel.ingest.job.JobStore;
import dev.minstrel.ingest.queue.DatabaseJobQueue;
import dev.minstrel.ingest.queue.JobQueue;
import dev.minstrel.ingest.queue.RedisJobQueue;
import dev.minstrel.ingest.request.RequestService;
import dev.minstrel.ingest.request.RequestStore;
import dev.minstrel.ingest.watch.PlaylistMirror;
import dev.minstrel.ingest.watch.WatchOwners;
import dev.minstrel.ingest.watch.WatchService;
import dev.minstrel.ingest.watch.WatchSettings;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.store.InstanceLease;
import io.lettuce.core.RedisClient;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Clock;

/**
 * Ingest assembled: the job store on the application's database, the queue and events either in
 * that database (embedded default) or in Redis, the workers, and the service the server's endpoints
 * call. The ingest migrations must have run on the database first (they sit in {@code db/migration}).
 */
public final class Ingest implements AutoCloseable {

    private final JobQueue queue;
    private final IngestEvents events;
    private final IngestRunner runner;
    private final IngestService service;
    private final JobStore store;
    private final DatabaseClient database;
    private final MusicLibrary library;
    private final Clock clock;
    private final IngestSettings settings;

    private Ingest(IngestSettings settings, MusicLibrary library, Clock clock, JobQueue queue, IngestEvents events,
                   DatabaseClient database, JobStore store) {
        this.queue = queue;
        this.events = events;
        this.runner = new IngestRunner(settings, store, queue, events, library, clock);
        this.service = new IngestService(store, queue, events, runner, library, clock);
        this.store = store;
        this.database = database;
        this.library = library;
        this.clock = clock;
        this.settings = settings;
    }

    /** One instance: queue and events in the database and in memory. */
    public static Ingest embedded(IngestSettings settings, ConnectionFactory database, MusicLibrary library, Clock clock) {
        DatabaseClient db = DatabaseClient.create(database);
        JobStore store = new JobStore(db);
        return new Ingest(settings, library, clock,
                new DatabaseJobQueue(store, clock, settings.pollInterval()), new LocalIngestEvents(), db, store);
    }

    /**
     * Several instances sharing one database and one Redis: the queue is a Redis stream with a
     * consumer group, events a second stream. Each instance needs its own {@link IngestSettings#node()}.
     *
     * @param keyPrefix prefix of the Redis keys, e.g. "minstrel"
     */
    public static Ingest withRedis(IngestSettings settings, ConnectionFactory database, MusicLibrary library, Clock clock,
                                   RedisClient redis, String keyPrefix) {
        DatabaseClient db = DatabaseClient.create(database);
        JobStore store = new JobStore(db);
        return new Ingest(settings, library, clock,
                new RedisJobQueue(redis, keyPrefix, settings.node(), settings.lease(), clock),
                new RedisIngestEvents(redis, keyPrefix), db, store);
    }

    /** Re-queues jobs interrupted by the last stop and starts the workers. */
    public void start() {
        runner.start();
    }

    public IngestService service() {
        return service;
    }

    /** Friends' requests, approved into this instance's jobs; {@code maxPending} undecided requests per friend. */
    public RequestService requests(int maxPending) {
        return new RequestService(new RequestStore(database), store, events, service, library, clock, maxPending);
    }

    /**
     * Watched playlists, synced through this instance's jobs by whichever instance holds {@code lease};
     * started by the caller ({@link WatchService#start()}) and closed before this.
     */
    public WatchService watches(WatchSettings watchSettings, PlaylistMirror mirror, InstanceLease lease,
                                WatchOwners owners) {
        return new WatchService(watchSettings, settings, database, store, service, library, mirror, lease, owners,
                clock);
    }

    /** Stops the workers (running jobs go back to the queue), then the queue and events. */
    @Override
    public void close() {
        runner.close();
        queue.close();
        events.close();
    }
}
