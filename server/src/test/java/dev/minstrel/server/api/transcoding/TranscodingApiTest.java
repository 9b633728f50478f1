package dev.minstrel.server.api.transcoding;

import dev.minstrel.server.api.ApiTestServer;
import dev.minstrel.server.api.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The owner sets transcoding defaults per user and per app through /api; nobody else may. */
class TranscodingApiTest {

    @TempDir
    static Path dir;
    static ApiTestServer server;
    static Visitor owner;
    static Visitor friend;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(dir);
        owner = server.owner();
        friend = server.friend("sam", "sams-password-1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOwnerSetsListsReplacesAndDeletesAProfile() {
        Visitor.Reply set = owner.post("/api/transcoding/profiles",
                Map.of("username", "sam", "client", "Symfonium", "format", "opus", "maxBitRate", 128));
        assertThat(set.status()).as(set.toString()).isEqualTo(201);
        assertThat((String) set.json("$.username")).isEqualTo("sam");
        assertThat((String) set.json("$.format")).isEqualTo("opus");
        assertThat((Integer) set.json("$.maxBitRate")).isEqualTo(128);

        // the same user and app again (the app's name in any case) replaces it
        Visitor.Reply replaced = owner.post("/api/transcoding/profiles",
                Map.of("username", "sam", "client", "symfonium", "maxBitRate", 96));
        assertThat(replaced.status()).isEqualTo(201);
        Visitor.Reply listed = owner.get("/api/transcoding/profiles");
        List<Map<String, Object>> profiles = listed.json("$");
        assertThat(profiles).hasSize(1);
        assertThat(profiles.get(0)).containsEntry("username", "sam").containsEntry("client", "symfonium")
                .containsEntry("maxBitRate", 96).containsEntry("format", null);

        String id = replaced.json("$.id");
        assertThat(owner.delete("/api/transcoding/profiles/" + id).status()).isEqualTo(204);
        assertThat(owner.delete("/api/transcoding/profiles/" + id).status()).isEqualTo(404);
        assertThat((List<?>) owner.get("/api/transcoding/profiles").json("$")).isEmpty();
    }

    @Test
    void badProfilesAreRefusedSayingWhy() {
        Map<String, Object> noUser = Map.of("username", "nobody", "maxBitRate", 96);
        Map<String, Object> badFormat = Map.of("format", "wma");
        Map<String, Object> badRate = Map.of("maxBitRate", 5000);
        Map<String, Object> nothing = new HashMap<>();
        nothing.put("client", "DSub");
        for (Map<String, Object> body : List.of(noUser, badFormat, badRate, nothing)) {
            Visitor.Reply refused = owner.post("/api/transcoding/profiles", body);
            assertThat(refused.status()).as(body.toString()).isEqualTo(400);
            assertThat((String) refused.json("$.detail")).as(body.toString()).isNotBlank();
        }
        assertThat((String) owner.post("/api/transcoding/profiles", badFormat).json("$.detail"))
                .contains("mp3, opus or aac");
    }

    @Test
    void onlyTheOwnerMayReadOrSetThem() {
        assertThat(friend.get("/api/transcoding/profiles").status()).isEqualTo(403);
        assertThat(friend.post("/api/transcoding/profiles", Map.of("maxBitRate", 64)).status()).isEqualTo(403);
        assertThat(server.visitor().get("/api/transcoding/profiles").status()).isEqualTo(401);
    }
}
