package dev.minstrel.server.subsonic;

import dev.minstrel.server.MinstrelApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;

/**
 * Browser clients behind the whole application, not the bare router: a CORS preflight to /rest
 * must get the Subsonic API's CORS answer although WebFlux's handler mapping sees it first.
 */
class SubsonicCorsTest {

    @Test
    void aPreflightToTheSubsonicApiIsAllowedForAnyOrigin(@TempDir Path dir) {
        try (var context = MinstrelApplicationTest.start(dir, "--minstrel.owner.password=owner-password-1")) {
            WebTestClient client = WebTestClient.bindToServer()
                    .baseUrl("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port")).build();

            client.options().uri("/rest/stream.view?id=tr-1")
                    .header("Origin", "https://feishin.example").header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "range")
                    .exchange().expectStatus().isNoContent()
                    .expectHeader().valueEquals("Access-Control-Allow-Origin", "*")
                    .expectHeader().valueEquals("Access-Control-Allow-Headers", "range")
                    .expectHeader().valueEquals("Access-Control-Allow-Methods", "GET, POST, HEAD, OPTIONS");
            client.get().uri("/rest/ping.view?f=json").header("Origin", "https://feishin.example")
                    .exchange().expectHeader().valueEquals("Access-Control-Allow-Origin", "*");
        }
    }
}
