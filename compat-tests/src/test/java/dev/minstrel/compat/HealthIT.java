package dev.minstrel.compat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/health} on the packaged jar: the status for anyone, each check for the owner. */
class HealthIT {

    @Test
    void anyoneGetsTheStatusAndTheOwnerEveryCheckWithWhatToDo(@TempDir Path dir) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("MINSTREL_LIBRARY_WATCH", "false", "MINSTREL_LIBRARY_SCAN_INTERVAL", "0"));
        env.put("MINSTREL_INGEST_SPOTDL", dir.resolve("no-such-spotdl").toString());
        env.put("MINSTREL_INGEST_YT_DLP", "/bin/true");
        try (PackagedServer server = PackagedServer.start(dir.resolve("music"), dir.resolve("data"), env)) {
            HttpResponse<String> anonymous = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(server.uri("/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(200);
            JsonNode status = SubsonicClient.parse(anonymous.body());
            assertThat(status.propertyNames()).containsExactly("status");
            assertThat(status.path("status").asString()).as("spotDL is missing").isEqualTo("degraded");

            WebVisitor.Reply owner = WebVisitor.owner(server, "198.51.100.80").get("/api/health");
            assertThat(owner.status()).isEqualTo(200);
            JsonNode health = owner.json();
            assertThat(health.path("status").asString()).isEqualTo("degraded");
            Map<String, JsonNode> checks = new HashMap<>();
            health.path("checks").forEach(check -> checks.put(check.path("name").asString(), check));
            assertThat(checks).containsOnlyKeys("database", "musicFolder", "ingestQueue", "spotdl", "ytDlp", "ffmpeg",
                    "diskSpace");
            assertThat(checks.get("database").path("status").asString()).isEqualTo("up");
            assertThat(checks.get("musicFolder").path("status").asString()).isEqualTo("up");
            assertThat(checks.get("ingestQueue").path("detail").asString()).isEqualTo("0 waiting, 0 running");
            assertThat(checks.get("diskSpace").path("status").asString()).isEqualTo("up");
            assertThat(checks.get("ytDlp").path("status").asString()).isEqualTo("up");
            assertThat(checks.get("ytDlp").path("detail").asString()).isEqualTo("/bin/true");
            assertThat(checks.get("spotdl").path("status").asString()).isEqualTo("down");
            assertThat(checks.get("spotdl").path("hint").asString()).contains("pipx install spotdl");
            checks.values().forEach(check -> assertThat(check.has("detail")).isTrue());
        }
    }
}
