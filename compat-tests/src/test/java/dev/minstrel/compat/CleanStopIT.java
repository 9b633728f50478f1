package dev.minstrel.compat;

import dev.minstrel.ingest.fake.FakeTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the packaged jar with SIGTERM, as systemd does, in the middle of a download: nothing in
 * its log at ERROR, no stack trace, and the next start finishes the interrupted job.
 */
class CleanStopIT {

    private static final String TRACK = "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC";

    @Test
    void aStopDuringADownloadLogsNoErrorAndTheNextStartFinishesTheJob(@TempDir Path dir) throws Exception {
        FakeTools fakes = new FakeTools(dir).env("FAKE_SPOTDL_HANG", "query")
                .env("FAKE_SPOTDL_ONCE", dir.resolve("hung-once").toString()).install(true, true);
        Map<String, String> env = new HashMap<>(Map.of("MINSTREL_LIBRARY_WATCH", "false", "MINSTREL_LIBRARY_SCAN_INTERVAL", "0"));
        env.put("PATH", fakes.searchPath());
        Path music = dir.resolve("music");
        Path data = dir.resolve("data");
        String jobId;
        String log;
        try (PackagedServer server = PackagedServer.start(music, data, env)) {
            WebVisitor owner = WebVisitor.owner(server, "198.51.100.90");
            WebVisitor.Reply submitted = owner.post("/api/ingest", Map.of("url", TRACK));
            assertThat(submitted.status()).isEqualTo(201);
            jobId = submitted.json().path("id").asString();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.exists(dir.resolve("hung-once"))) { // the downloader is mid-job
                assertThat(System.nanoTime()).as("the download started").isLessThan(deadline);
                Thread.sleep(100);
            }
            Thread.sleep(1500); // the worker polls the database meanwhile, as it does all day
            server.close(); // SIGTERM
            log = server.log();
        }
        assertThat(log).contains("Graceful shutdown complete");
        assertThat(log.lines().filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ")
                || line.contains("Exception"))).as("errors and stack traces logged by the stop").isEmpty();

        try (PackagedServer again = PackagedServer.start(music, data, env)) {
            WebVisitor owner = WebVisitor.owner(again, "198.51.100.91");
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            JsonNode job = owner.get("/api/ingest/" + jobId).json();
            while (!job.path("state").asString().equals("succeeded")) {
                assertThat(System.nanoTime()).as("the interrupted job finishes after the restart: " + job)
                        .isLessThan(deadline);
                Thread.sleep(300);
                job = owner.get("/api/ingest/" + jobId).json();
            }
        }
    }
}
