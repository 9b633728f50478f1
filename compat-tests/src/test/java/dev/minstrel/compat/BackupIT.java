package dev.minstrel.compat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An online backup taken under write load, restored with the one documented command into a fresh
 * data folder: the copy holds every write acknowledged before the backup began, and its accounts
 * (whose secrets the key file opens) still sign in.
 */
class BackupIT {

    @Test
    void aBackupUnderWriteLoadRestoresEveryWriteAcknowledgedBeforeItBegan(@TempDir Path dir) throws Exception {
        Path music = dir.resolve("music");
        Path data = dir.resolve("data");
        Map<String, String> env = LibraryServer.generate(music, 16, 20261205L);
        WriteLoad load;
        JsonNode backup;
        try (PackagedServer server = PackagedServer.start(music, data, env)) {
            SubsonicClient owner = SubsonicClient.owner(server, "backup");
            LibraryServer.awaitScan(owner, Duration.ofSeconds(60));
            List<String> tracks = DurabilityIT.trackIds(owner, 10);
            WebVisitor web = WebVisitor.owner(server, "198.51.100.95");
            load = WriteLoad.start(owner, tracks);
            Thread.sleep(2000);
            load.mark();
            WebVisitor.Reply taken = web.post("/api/backups", Map.of());
            Thread.sleep(500); // writes go on after the backup, and must not disturb it
            load.close();

            assertThat(taken.status()).as(taken.body()).isEqualTo(201);
            backup = taken.json();
            assertThat(backup.path("name").asString()).matches("minstrel-\\d{8}-\\d{6}\\.zip");
            Path file = data.resolve("backups").resolve(backup.path("name").asString());
            assertThat(Files.size(file)).isEqualTo(backup.path("size").asLong()).isPositive();
            JsonNode listed = web.get("/api/backups").json();
            assertThat(listed).singleElement().satisfies(b ->
                    assertThat(b.path("name").asString()).isEqualTo(backup.path("name").asString()));
            assertThat(load.acknowledgedWrites()).isGreaterThan(50);
        }

        Path restored = dir.resolve("restored");
        PackagedServer.Finished restore = PackagedServer.run(List.of("restore",
                data.resolve("backups").resolve(backup.path("name").asString()).toString(), restored.toString()),
                Map.of(), dir.resolve("restore.log"), Duration.ofSeconds(60));
        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restored minstrel.mv.db and secret.key");
        assertThat(Files.readAllBytes(restored.resolve("secret.key"))).isEqualTo(Files.readAllBytes(data.resolve("secret.key")));

        PackagedServer.Finished again = PackagedServer.run(List.of("restore",
                data.resolve("backups").resolve(backup.path("name").asString()).toString(), restored.toString()),
                Map.of(), dir.resolve("restore-again.log"), Duration.ofSeconds(60));
        assertThat(again.exitCode()).as("never over an existing database").isNotZero();
        assertThat(again.output()).contains("exists");

        try (PackagedServer copy = PackagedServer.start(music, restored, env)) {
            int checked = load.assertEveryWriteAcknowledgedBeforeTheMarkIn(SubsonicClient.owner(copy, "backup"));
            assertThat(checked).isGreaterThan(10);
            assertThat(WebVisitor.owner(copy, "198.51.100.96").get("/api/backups").status()).isEqualTo(200);
        }
    }
}
