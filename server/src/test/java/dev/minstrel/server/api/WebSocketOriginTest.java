package dev.minstrel.server.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest WebSocket carries the owner's live progress and is opened with the session cookie,
 * which a browser also sends from any other site's page: the handshake must come from Minstrel's
 * own origin (cross-site WebSocket hijacking).
 */
class WebSocketOriginTest {

    @TempDir
    static Path dir;
    static ApiTestServer server;
    static String apiKey;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(dir, "--minstrel.web.public-url=https://music.example.net");
        apiKey = server.owner().post("/api/me/api-keys", Map.of("name", "ws tests")).json("$.key");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Answer handshake(String host, String origin, String forwardedProto) {
        try (RawHttp http = new RawHttp(server.port)) {
            return http.send("GET /api/ingest/ws HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Authorization: Bearer " + apiKey + "\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + (forwardedProto == null ? "" : "X-Forwarded-Proto: " + forwardedProto + "\r\n") + "\r\n").read();
        }
    }

    @Test
    void anotherSitesPageIsRefused() {
        RawHttp.Answer answer = handshake("127.0.0.1:" + server.port, "https://evil.example", null);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void theServersOwnPageIsLetThrough() {
        assertThat(handshake("127.0.0.1:" + server.port, "http://127.0.0.1:" + server.port, null).status()).isEqualTo(101);
    }

    @Test
    void thePublicOriginBehindTheTunnelIsLetThroughAndItsHttpTwinIsNot() {
        assertThat(handshake("music.example.org", "https://music.example.org", "https").status()).isEqualTo(101);
        assertThat(handshake("music.example.org", "http://music.example.org", "https").status()).isEqualTo(403);
    }

    @Test
    void theConfiguredPublicAddressIsLetThroughWhateverHostTheRequestNamed() {
        assertThat(handshake("127.0.0.1:" + server.port, "https://music.example.net", null).status()).isEqualTo(101);
        assertThat(handshake("127.0.0.1:" + server.port, "https://music.example.net:8443", null).status()).isEqualTo(403);
    }

    @Test
    void aClientThatIsNoBrowserSendsNoOriginAndIsLetThrough() {
        assertThat(handshake("127.0.0.1:" + server.port, null, null).status()).isEqualTo(101);
    }
}
