package dev.minstrel.server.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A session's short-lived token is renewed while it is used, and ends when it is not. */
class SessionLifetimeTest {

    @Test
    void anActiveSessionOutlivesItsFirstTokenAndAnIdleOneEnds(@TempDir Path dir) throws Exception {
        try (ApiTestServer server = new ApiTestServer(dir, "--minstrel.security.session-ttl=3s")) {
            Visitor owner = server.owner();
            String first = owner.cookies().get("MINSTREL_SESSION");

            for (int i = 0; i < 4; i++) {
                Thread.sleep(1200);
                assertThat(owner.get("/api/me").status()).as("request %d", i).isEqualTo(200);
            }
            assertThat(owner.cookies().get("MINSTREL_SESSION")).as("renewed").isNotEqualTo(first);

            Thread.sleep(3500);

            assertThat(owner.get("/api/me").status()).isEqualTo(401);
            assertThat(owner.cookies()).doesNotContainKey("MINSTREL_SESSION");
        }
    }
}
