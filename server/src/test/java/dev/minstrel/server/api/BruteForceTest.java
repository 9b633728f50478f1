package dev.minstrel.server.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Guessing is slowed down, then blocked, on every way in, without locking out the people who belong. */
class BruteForceTest {

    private static final String ATTACKER = "203.0.113.66";

    @Test
    void aThousandWrongPasswordsFromOneAddressAreThrottledWhileLegitimateUsersGetIn(@TempDir Path dir) {
        try (ApiTestServer server = new ApiTestServer(dir, "--minstrel.security.throttle.slowdown=20ms")) {
            server.friend("sam", "sams-password");
            Visitor ownerAtHome = new Visitor(server.port).from("192.0.2.10");
            assertThat(ownerAtHome.login("owner", ApiTestServer.OWNER_PASSWORD).status()).isEqualTo(200);

            Visitor attacker = new Visitor(server.port).from(ATTACKER);
            Map<Integer, Integer> statuses = new TreeMap<>();
            Visitor.Reply last = null;
            for (int i = 0; i < 1000; i++) {
                last = attacker.login("owner", "guess-" + i);
                statuses.merge(last.status(), 1, Integer::sum);
            }

            assertThat(statuses).containsOnlyKeys(401, 429);
            assertThat(statuses.get(401)).as("the username's allowance runs out first").isEqualTo(10);
            assertThat(last.headers().getContentType().toString()).isEqualTo("application/problem+json");
            assertThat(Long.parseLong(last.headers().getFirst("Retry-After"))).isBetween(1L, 15 * 60L);
            assertThat(attacker.login("owner", ApiTestServer.OWNER_PASSWORD).status())
                    .as("blocked before the password is even checked").isEqualTo(429);

            assertThat(new Visitor(server.port).from("198.51.100.20").login("sam", "sams-password").status())
                    .as("another user from another address").isEqualTo(200);
            assertThat(new Visitor(server.port).from("198.51.100.99").login("owner", "still-guessing").status())
                    .as("the attacked username from a new address is blocked").isEqualTo(429);
            assertThat(ownerAtHome.login("owner", ApiTestServer.OWNER_PASSWORD).status())
                    .as("the attacked user from an address they used before").isEqualTo(200);
        }
    }

    @Test
    void wrongApiKeysAndInviteCodesAreThrottledToo(@TempDir Path dir) {
        try (ApiTestServer server = new ApiTestServer(dir, "--minstrel.security.throttle.slowdown=0s",
                "--minstrel.security.throttle.address-failures=5")) {
            Visitor keyGuesser = new Visitor(server.port).from("203.0.113.7");
            Visitor codeGuesser = new Visitor(server.port).from("203.0.113.8");
            for (int i = 0; i < 5; i++) {
                assertThat(keyGuesser.bearer("msk_guess" + i).get("/api/me").status()).isEqualTo(401);
                assertThat(codeGuesser.post("/api/auth/signup", Map.of("inviteCode", "guess" + i,
                        "username", "mallory", "password", "mallorys-password")).status()).isEqualTo(403);
            }

            assertThat(keyGuesser.bearer("msk_guess-again").get("/api/me").status()).isEqualTo(429);
            Visitor.Reply blocked = codeGuesser.post("/api/auth/signup", Map.of("inviteCode", "guess",
                    "username", "mallory", "password", "mallorys-password"));
            assertThat(blocked.status()).isEqualTo(429);
            assertThat(blocked.headers().getFirst("Retry-After")).isNotBlank();
        }
    }

    @Test
    void forwardingHeadersFromAPeerThatIsNotTrustedAreIgnored(@TempDir Path dir) {
        try (ApiTestServer server = new ApiTestServer(dir, "--minstrel.security.trusted-proxies=",
                "--minstrel.security.throttle.slowdown=0s", "--minstrel.security.throttle.address-failures=3")) {
            for (int i = 0; i < 3; i++) {
                assertThat(new Visitor(server.port).from("203.0.113." + (i + 1)).login("nobody", "wrong-password")
                        .status()).isEqualTo(401);
            }

            Visitor spoofing = new Visitor(server.port).from("198.51.100.1");
            assertThat(spoofing.login("owner", ApiTestServer.OWNER_PASSWORD).status())
                    .as("all three came from 127.0.0.1, whatever X-Forwarded-For claimed").isEqualTo(429);
        }
    }

    @Test
    void concurrentWrongLoginsCannotPassTheUsernamesCap(@TempDir Path dir) throws Exception {
        try (ApiTestServer server = new ApiTestServer(dir, "--minstrel.security.throttle.slowdown=0s",
                "--minstrel.security.throttle.address-failures=100")) {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(25);
            try {
                java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    Visitor guesser = new Visitor(server.port).from("203.0.113." + (100 + i));
                    int n = i;
                    statuses.add(pool.submit(() -> guesser.login("owner", "guess-" + n).status()));
                }
                Map<Integer, Integer> counts = new TreeMap<>();
                for (var status : statuses) {
                    counts.merge(status.get(), 1, Integer::sum);
                }

                assertThat(counts).containsOnlyKeys(401, 429);
                assertThat(counts.get(401)).as("passwords checked").isLessThanOrEqualTo(10);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anOwnerWhoSignedInOnTheWebPageIsNotLockedOutOfRestByAnAttackOnAFriendFromTheSameAddress(@TempDir Path dir) {
        try (ApiTestServer server = new ApiTestServer(dir, "--minstrel.security.throttle.slowdown=0s")) {
            server.friend("sam", "sams-password");
            Visitor home = new Visitor(server.port).from("192.0.2.77");
            assertThat(home.login("owner", ApiTestServer.OWNER_PASSWORD).status()).isEqualTo(200);

            for (int i = 0; i < 60; i++) {
                String friend = List.of("sam", "tom", "ann").get(i % 3);
                new Visitor(server.port).from("192.0.2.77").get("/rest/ping?u=" + friend + "&p=guess-" + i + "&f=json");
            }

            String ping = home.get("/rest/ping?u=owner&p=" + ApiTestServer.OWNER_PASSWORD + "&v=1.16.1&c=t&f=json").body();
            assertThat(ping).contains("\"status\":\"ok\"");
        }
    }

    @Test
    void aNewUserIsNotLockedOutFromTheAddressTheySignedUpFrom(@TempDir Path dir) {
        try (ApiTestServer server = new ApiTestServer(dir, "--minstrel.security.throttle.slowdown=0s")) {
            String code = server.owner().post("/api/invites", Map.of()).json("$.code");
            Visitor newbie = new Visitor(server.port).from("192.0.2.88");
            assertThat(newbie.post("/api/auth/signup", Map.of("inviteCode", code, "username", "newbie",
                    "password", "newbies-password")).status()).isEqualTo(201);
            for (int i = 0; i < 12; i++) {
                new Visitor(server.port).from("203.0.113." + (150 + i)).login("newbie", "guess-" + i);
            }

            assertThat(new Visitor(server.port).from("192.0.2.88").login("newbie", "newbies-password").status())
                    .isEqualTo(200);
        }
    }
}
