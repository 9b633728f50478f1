package dev.minstrel.server.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest endpoints as the server mounts them: behind the /api caller (session or API key),
 * with the owner's and grants' rights, and a plain-words failure when spotDL is not installed.
 * (The downloads themselves, with fake downloaders, are proven in the ingest module.)
 */
class IngestApiWiringTest {

    @TempDir
    static Path dir;
    static ApiTestServer server;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(dir, "--minstrel.ingest.spotdl=" + dir.resolve("no-such-tool/spotdl"),
                "--minstrel.ingest.max-attempts=1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void onlySignedInUsersWithTheIngestGrantMayPasteLinks() {
        Visitor.Reply anonymous = server.visitor().get("/api/ingest");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().getContentType()).hasToString("application/problem+json");

        Visitor friend = server.friend("sam", "sams-password");
        Visitor.Reply refused = friend.post("/api/ingest", Map.of("url", "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"));
        assertThat(refused.status()).isEqualTo(403);

        assertThat(server.owner().patch("/api/users/sam", Map.of("ingest", true)).status()).isEqualTo(200);
        Visitor.Reply allowed = friend.post("/api/ingest", Map.of("url", "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"));
        assertThat(allowed.status()).isIn(200, 201);
    }

    @Test
    void aLinkThatIsNotSpotifyOrYouTubeIsRefusedBeforeAnythingRuns() {
        Visitor.Reply reply = server.owner().post("/api/ingest", Map.of("url", "--exec=rm -rf /"));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers().getContentType()).hasToString("application/problem+json");
    }

    @Test
    void withoutSpotdlTheJobFailsSayingHowToInstallIt() throws InterruptedException {
        Visitor owner = server.owner();
        Visitor.Reply created = owner.post("/api/ingest", Map.of("url", "https://open.spotify.com/track/7GhIk7Il098yCjg4BQjzvb"));
        assertThat(created.status()).isIn(200, 201);
        String id = created.json("$.id");

        Visitor.Reply job = owner.get("/api/ingest/" + id);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!"failed".equals(job.json("$.state")) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = owner.get("/api/ingest/" + id);
        }
        assertThat(job.<String>json("$.state")).isEqualTo("failed");
        assertThat(job.body()).containsIgnoringCase("spotdl").containsIgnoringCase("install");
    }
}
