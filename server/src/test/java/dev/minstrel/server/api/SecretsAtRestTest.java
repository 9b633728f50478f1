package dev.minstrel.server.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No password or API key is ever written in clear: not to the database file, not to the log. */
@ExtendWith(OutputCaptureExtension.class)
class SecretsAtRestTest {

    @Test
    void theDatabaseFileAndTheLogNeverHoldAPasswordOrKeyInClear(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        String key;
        try (ApiTestServer server = new ApiTestServer(dir)) {
            Visitor rosa = server.friend("rosa", "Rosas-First-Secret");
            assertThat(rosa.post("/api/me/password", Map.of("currentPassword", "Rosas-First-Secret",
                    "newPassword", "Rosas-Second-Secret")).status()).isEqualTo(204);
            key = rosa.post("/api/me/api-keys", Map.of("name", "Ultrasonic")).json("$.key");
            assertThat(server.visitor().login("rosa", "Wrong-Guess-Secret").status()).isEqualTo(401);
        }

        byte[] database = Files.readAllBytes(dir.resolve("data/minstrel.mv.db"));
        List<String> secrets = List.of(ApiTestServer.OWNER_PASSWORD, "Rosas-First-Secret", "Rosas-Second-Secret",
                "Wrong-Guess-Secret", key, key.substring(4));
        for (String readAs : new String[] {"ISO-8859-1", "UTF-16BE", "UTF-16LE"}) {
            String text = new String(database, readAs);
            assertThat(text).as("read as " + readAs).doesNotContain(secrets);
        }
        assertThat(new String(database, StandardCharsets.ISO_8859_1)).as("the file was written").contains("rosa");
        assertThat(output.getAll()).doesNotContain(secrets);
    }

    @Test
    void theDataFolderTheDatabaseAndTheKeyAreTheServiceUsersAlone(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ApiTestServer server = new ApiTestServer(dir)) {
            server.friend("rosa", "Rosas-First-Secret");
        }

        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(data.resolve("minstrel.mv.db"))).isEqualTo("rw-------");
        assertThat(permissions(data.resolve("secret.key"))).isEqualTo("rw-------");
    }

    @Test
    void filesLeftReadableByAnEarlierVersionAreClosedAtStart(@TempDir Path dir) throws Exception {
        try (ApiTestServer ignored = new ApiTestServer(dir)) {
            // first start creates them
        }
        Path data = dir.resolve("data");
        for (Path file : List.of(data, data.resolve("minstrel.mv.db"), data.resolve("secret.key"))) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
        }

        try (ApiTestServer ignored = new ApiTestServer(dir)) {
            assertThat(permissions(data)).isEqualTo("rwx------");
            assertThat(permissions(data.resolve("minstrel.mv.db"))).isEqualTo("rw-------");
            assertThat(permissions(data.resolve("secret.key"))).isEqualTo("rw-------");
        }
    }

    private static String permissions(Path file) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
