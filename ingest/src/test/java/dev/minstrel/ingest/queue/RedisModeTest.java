package dev.minstrel.ingest.queue;

import dev.minstrel.ingest.IngestFixture;
import dev.minstrel.ingest.events.IngestEvent;
import dev.minstrel.ingest.events.RedisIngestEvents;
import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.library.TestLibrary;
import io.lettuce.core.RedisClient;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Minstrel instances sharing one queue through the real Redis at 127.0.0.1:6379 (profile
 * {@code services}; fails, never skips, when Redis is down). Each run uses its own key prefix.
 */
@Tag("services")
class RedisModeTest {

    private RedisClient redis;
    private String prefix;
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeEach
    void connect() {
        redis = RedisClient.create("redis://127.0.0.1:6379");
        assertThat(redis.connect().sync().ping()).isEqualTo("PONG");
        prefix = "minstrel-test-" + UUID.randomUUID();
    }

    @AfterEach
    void disconnect() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        var keys = redis.connect().sync();
        keys.del(prefix + ":jobs", prefix + ":delayed", prefix + ":events");
        redis.shutdown();
    }

    private IngestFixture instance(Path dir, String node, ConnectionFactory jobs, FakeTools tools, boolean start) {
        IngestFixture fixture = new IngestFixture(dir, tools, s -> s.withTiming(Duration.ofSeconds(3), Duration.ofMillis(200),
                Duration.ofSeconds(1), node), new RedisIngestEvents(redis, prefix),
                store -> new RedisJobQueue(redis, prefix, node, Duration.ofSeconds(3), Clock.systemUTC()), jobs);
        open.add(fixture);
        if (start) {
            fixture.runner.start();
        }
        return fixture;
    }

    @Test
    void twoInstancesShareTheWorkEachJobRunsOnceAndEveryInstanceSeesEveryEvent(@TempDir Path dir) throws Exception {
        ConnectionFactory jobs = TestLibrary.database(dir.resolve("shared"));
        Path record = dir.resolve("runs.jsonl");
        FakeTools toolsA = new FakeTools(dir.resolve("a")).env("FAKE_SPOTDL_RECORD", record.toString()).install(true, false);
        FakeTools toolsB = new FakeTools(dir.resolve("b")).env("FAKE_SPOTDL_RECORD", record.toString()).install(true, false);
        IngestFixture a = instance(dir.resolve("a"), "a", jobs, toolsA, true);
        IngestFixture b = instance(dir.resolve("b"), "b", jobs, toolsB, true);
        List<IngestEvent> seenByB = new CopyOnWriteArrayList<>();
        var subscription = b.service.events(IngestFixture.OWNER).subscribe(seenByB::add);

        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            ids.add(a.submit("https://open.spotify.com/track/000000000000000000000" + i).id());
        }
        for (String id : ids) {
            Job job = a.awaitFinal(id);
            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.attempts()).isEqualTo(1);
        }
        List<String> runs = Files.readAllLines(record);
        assertThat(runs).hasSize(4);
        assertThat(runs).anyMatch(r -> r.contains(dir.resolve("a").toString())).anyMatch(r -> r.contains(dir.resolve("b").toString()));
        Thread.sleep(300);
        subscription.dispose();
        assertThat(seenByB).filteredOn(e -> e.job() != null && e.job().state().equals("succeeded"))
                .extracting(IngestEvent::jobId).containsExactlyInAnyOrderElementsOf(ids);
        assertNothingLeftPending();
    }

    @Test
    void aDeadWorkersJobIsClaimedByAnotherInstanceAndRunOnce(@TempDir Path dir) throws Exception {
        ConnectionFactory jobs = TestLibrary.database(dir.resolve("shared"));
        FakeTools toolsB = new FakeTools(dir.resolve("b")).install(true, false);
        IngestFixture dead = instance(dir.resolve("a"), "a", jobs, new FakeTools(dir.resolve("a")).install(true, false), false);
        String id = dead.submit("https://open.spotify.com/track/0000000000000000000009").id();
        // instance a takes the job and dies before finishing: no ack, no lease renewal
        JobQueue.Delivery delivery = dead.queue.take(Duration.ofSeconds(5)).orElseThrow();
        assertThat(delivery.jobId()).isEqualTo(id);
        Instant now = Instant.now();
        assertThat(dead.store.claim(id, "a/0", now, now.plusSeconds(3)).block()).isTrue();

        IngestFixture b = instance(dir.resolve("b"), "b", jobs, toolsB, true);
        Job job = b.await(id, j -> j.state().isFinal(), Duration.ofSeconds(60));

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.attempts()).isEqualTo(2);
        assertNothingLeftPending();
    }

    /**
     * The runner stores a job's final state first and acknowledges its delivery after, so that a
     * crash in between runs the job again rather than losing it; the acknowledgement can thus
     * reach Redis a moment after the store says the job is done.
     */
    private void assertNothingLeftPending() throws InterruptedException {
        var commands = redis.connect().sync();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long pending = commands.xpending(prefix + ":jobs", "workers").getCount();
        while (pending > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            pending = commands.xpending(prefix + ":jobs", "workers").getCount();
        }
        assertThat(pending).as("deliveries never acknowledged").isZero();
    }

    @Test
    void aRetryWaitsInRedisUntilItsBackoffIsOver(@TempDir Path dir) throws Exception {
        ConnectionFactory jobs = TestLibrary.database(dir.resolve("shared"));
        IngestFixture a = instance(dir.resolve("a"), "a", jobs, new FakeTools(dir.resolve("a")).install(true, false), false);
        a.queue.offer("ij-later", Instant.now().plusMillis(1500));

        assertThat(a.queue.take(Duration.ofMillis(300))).isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Optional<JobQueue.Delivery> later = Optional.empty();
        while (later.isEmpty() && System.nanoTime() < deadline) {
            later = a.queue.take(Duration.ofMillis(300));
        }
        assertThat(later).hasValueSatisfying(d -> assertThat(d.jobId()).isEqualTo("ij-later"));
        a.queue.ack(later.get());
    }
}
