package dev.minstrel.ingest;

import dev.minstrel.ingest.events.IngestEvents;
import dev.minstrel.ingest.events.LocalIngestEvents;
import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobStore;
import dev.minstrel.ingest.queue.DatabaseJobQueue;
import dev.minstrel.ingest.queue.JobQueue;
import dev.minstrel.library.LibraryService;
import dev.minstrel.library.TestLibrary;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Ingest as the server wires it, over real parts: an H2 database file migrated by Flyway, the real
 * LibraryService on a music folder, the fakes on the runner's PATH.
 */
public final class IngestFixture implements AutoCloseable {

    public static final Requester OWNER = new Requester("owner-1", true, true);
    public static final Requester FRIEND = new Requester("friend-1", false, true);

    public final Path dir;
    public final FakeTools tools;
    public final IngestSettings settings;
    public final ConnectionFactory database;
    public final LibraryService library;
    public final JobStore store;
    public final IngestEvents events;
    public final JobQueue queue;
    public final IngestRunner runner;
    public final IngestService service;

    public IngestFixture(Path dir, FakeTools tools, Function<IngestSettings, IngestSettings> tweak,
                         IngestEvents events, Function<JobStore, JobQueue> queue) {
        this(dir, tools, tweak, events, queue, null);
    }

    /** @param jobsDatabase where jobs live when instances share them; null: the library's database */
    public IngestFixture(Path dir, FakeTools tools, Function<IngestSettings, IngestSettings> tweak,
                         IngestEvents events, Function<JobStore, JobQueue> queue, ConnectionFactory jobsDatabase) {
        this.dir = dir;
        this.tools = tools;
        this.settings = tweak.apply(testSettings(dir, tools));
        this.database = TestLibrary.database(dir.resolve("data"));
        this.library = TestLibrary.started(TestLibrary.settings(dir.resolve("music"), dir.resolve("data/cache")), database);
        this.store = new JobStore(DatabaseClient.create(jobsDatabase != null ? jobsDatabase : database));
        this.events = events;
        this.queue = queue.apply(store);
        this.runner = new IngestRunner(settings, store, this.queue, events, library, Clock.systemUTC());
        this.service = new IngestService(store, this.queue, events, runner, library, Clock.systemUTC());
    }

    public static IngestFixture start(Path dir, FakeTools tools) {
        return start(dir, tools, s -> s);
    }

    public static IngestFixture start(Path dir, FakeTools tools, Function<IngestSettings, IngestSettings> tweak) {
        IngestFixture fixture = new IngestFixture(dir, tools, tweak, new LocalIngestEvents(),
                store -> new DatabaseJobQueue(store, Clock.systemUTC(), Duration.ofMillis(200)));
        fixture.runner.start();
        return fixture;
    }

    public static IngestSettings testSettings(Path dir, FakeTools tools) {
        return IngestSettings.defaults(dir.resolve("data"))
                .withDownloaders(null, null, tools.searchPath())
                .withLimits(1, Duration.ofSeconds(60), 3, Duration.ofMillis(200), 0)
                .withTiming(Duration.ofSeconds(3), Duration.ofMillis(200), Duration.ofSeconds(1), "local");
    }

    public Job submit(String url) {
        return service.submit(OWNER, url).block().job();
    }

    public Job await(String id, Predicate<Job> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Job job = store.find(id).block();
        while (!condition.test(job)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job did not get there in " + timeout + ": " + job);
            }
            sleep(50);
            job = store.find(id).block();
        }
        return job;
    }

    public Job awaitFinal(String id) {
        return await(id, j -> j.state().isFinal(), Duration.ofSeconds(60));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        runner.close();
        library.close();
        events.close();
    }
}
