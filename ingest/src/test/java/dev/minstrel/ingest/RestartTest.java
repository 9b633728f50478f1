package dev.minstrel.ingest;

import dev.minstrel.ingest.events.LocalIngestEvents;
import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.ingest.queue.DatabaseJobQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A job survives the process that ran it being killed with SIGKILL, and is finished exactly once. */
class RestartTest {

    /** A stand-in for Minstrel in its own JVM, its downloader hung mid-job (once: the next run goes through). */
    private record MidJob(Process runner, String jobId, FakeTools tools, Path record) {

        static MidJob start(Path dir) throws Exception {
            Path record = dir.resolve("runs.jsonl");
            FakeTools tools = new FakeTools(dir).env("FAKE_SPOTDL_HANG", "query")
                    .env("FAKE_SPOTDL_ONCE", dir.resolve("hung-once").toString())
                    .env("FAKE_SPOTDL_RECORD", record.toString()).install(true, false);
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process runner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-cp", classPath, RunnerProcess.class.getName(), dir.toString(), IngestRunnerTest.TRACK)
                    .redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8));
            String jobId = out.lines().filter(l -> l.startsWith("JOB ")).findFirst().orElseThrow().substring(4);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(dir.resolve("hung-once"))) { // the downloader is running, mid-job
                assertThat(System.nanoTime()).as("the first run's downloader started").isLessThan(deadline);
                Thread.sleep(50);
            }
            return new MidJob(runner, jobId, tools, record);
        }
    }

    @Test
    void aJobRunningWhenTheProcessIsKilledIsResumedByTheNextStartAndRunsOnce(@TempDir Path dir) throws Exception {
        MidJob first = MidJob.start(dir);
        Thread.sleep(500);
        // what systemd does to the whole unit on kill -9: the JVM and its downloader die at once
        List<ProcessHandle> tree = first.runner().descendants().toList();
        first.runner().toHandle().destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        first.runner().waitFor();
        assertThat(first.runner().exitValue()).isEqualTo(137);

        try (IngestFixture second = IngestFixture.start(dir, first.tools())) {
            Job job = second.awaitFinal(first.jobId());

            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.attempts()).isEqualTo(2);
            assertThat(IngestFailuresTest.musicFiles(dir)).containsExactly("Artist 4uLU6h/Album 4uLU6h/01 - Song 4uLU6h.mp3");
            assertThat(Files.readAllLines(first.record())).hasSize(1); // the killed run never finished; the second ran once
            assertThat(second.service.submit(IngestFixture.OWNER, IngestRunnerTest.TRACK).block().job().id())
                    .isEqualTo(first.jobId());
        }
    }

    @Test
    void aDownloaderThatOutlivesTheKilledProcessIsKilledByTheNextStartBeforeTheJobResumes(@TempDir Path dir) throws Exception {
        MidJob first = MidJob.start(dir);
        ProcessHandle downloader = first.runner().descendants().findFirst().orElseThrow();
        // only the JVM dies, as with kill -9 outside systemd: the downloader lives on
        first.runner().toHandle().destroyForcibly();
        first.runner().waitFor();
        Thread.sleep(500);
        assertThat(downloader.isAlive()).as("the downloader outlived the process that started it").isTrue();

        try (IngestFixture second = IngestFixture.start(dir, first.tools())) {
            assertThat(downloader.onExit().get(10, TimeUnit.SECONDS).isAlive()).as("killed by the next start").isFalse();
            Job job = second.awaitFinal(first.jobId());

            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(IngestFailuresTest.musicFiles(dir)).containsExactly("Artist 4uLU6h/Album 4uLU6h/01 - Song 4uLU6h.mp3");
            assertThat(Files.readAllLines(first.record())).hasSize(1);
            assertThat(second.settings.processGroupsDir()).isEmptyDirectory();
        } finally {
            downloader.destroyForcibly();
        }
    }

    @Test
    void aSecondWorkerCannotClaimAJobWhoseLeaseIsAlive(@TempDir Path dir) {
        FakeTools tools = new FakeTools(dir).install(false, false);
        try (IngestFixture ingest = new IngestFixture(dir, tools, s -> s, new LocalIngestEvents(),
                store -> new DatabaseJobQueue(store, Clock.systemUTC(), Duration.ofMillis(200)))) {
            String id = ingest.submit(IngestRunnerTest.TRACK).id();
            Instant now = Instant.now();

            assertThat(ingest.store.claim(id, "a/0", now, now.plusSeconds(60)).block()).isTrue();
            assertThat(ingest.store.claim(id, "b/0", now, now.plusSeconds(60)).block()).isFalse();
            assertThat(ingest.store.finish(id, "b/0", JobState.SUCCEEDED, now).block()).isFalse();
            assertThat(ingest.store.claim(id, "b/0", now.plusSeconds(61), now.plusSeconds(120)).block()).isTrue();
            assertThat(ingest.store.renew(id, "a/0", now.plusSeconds(200)).block()).isFalse();
            assertThat(ingest.store.finish(id, "b/0", JobState.SUCCEEDED, now).block()).isTrue();
        }
    }
}
