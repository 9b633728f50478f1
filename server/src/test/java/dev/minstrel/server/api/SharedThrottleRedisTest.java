package dev.minstrel.server.api;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code minstrel.redis.url} set, instances share their throttle buckets: failures counted by
 * one block the address on the other. Needs the Redis on 127.0.0.1:6379 (run with -Pservices, as
 * CI does); when Redis is down the server cannot start and this test fails, it never skips.
 */
@Tag("services")
class SharedThrottleRedisTest {

    @Test
    void failuresOnOneInstanceBlockTheAddressOnAnother(@TempDir Path first, @TempDir Path second) {
        String redis = "--minstrel.redis.url=" + System.getProperty("minstrel.test.redis-url", "redis://127.0.0.1:6379");
        String[] settings = {redis, "--minstrel.security.throttle.slowdown=0s",
                "--minstrel.security.throttle.address-failures=4"};
        // a fresh address each run: Redis outlives the test
        String attacker = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)) + "::66";
        try (ApiTestServer one = new ApiTestServer(first, settings);
             ApiTestServer two = new ApiTestServer(second, settings)) {
            for (int i = 0; i < 4; i++) {
                assertThat(new Visitor(one.port).from(attacker).login("nobody-" + i, "wrong-password").status())
                        .isEqualTo(401);
            }

            Visitor.Reply elsewhere = new Visitor(two.port).from(attacker).login("owner", ApiTestServer.OWNER_PASSWORD);

            assertThat(elsewhere.status()).isEqualTo(429);
            assertThat(elsewhere.headers().getFirst("Retry-After")).isNotBlank();
            assertThat(new Visitor(two.port).from("192.0.2.200").login("owner", ApiTestServer.OWNER_PASSWORD).status())
                    .isEqualTo(200);
        }
    }
}
