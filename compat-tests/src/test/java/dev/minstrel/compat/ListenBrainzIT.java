package dev.minstrel.compat;

import dev.minstrel.analytics.listenbrainz.FakeListenBrainz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar forwarding listens to a ListenBrainz server given by {@code MINSTREL_LISTENBRAINZ_URL}
 * (a fake on loopback that answers as the real one does): the owner connects a token, scrobbles as
 * an app does, and the listen arrives, also when ListenBrainz was down at first.
 */
class ListenBrainzIT {

    private static final String TOKEN = "owner-listenbrainz-token-0123";

    @Test
    void aScrobbleReachesTheListenBrainzServerTheSettingNames(@TempDir Path dir) throws Exception {
        Path music = dir.resolve("music");
        try (FakeListenBrainz listenBrainz = new FakeListenBrainz().user(TOKEN, "owner-on-lb")) {
            Map<String, String> env = LibraryServer.generate(music, 2, 20261203L);
            env.put("MINSTREL_LISTENBRAINZ_URL", listenBrainz.url());
            env.put("MINSTREL_LISTENBRAINZ_POLL_INTERVAL", "300ms");
            env.put("MINSTREL_LISTENBRAINZ_RETRY_MIN", "300ms");
            try (PackagedServer server = PackagedServer.start(music, dir.resolve("data"), env)) {
                SubsonicClient owner = SubsonicClient.owner(server, "Symfonium");
                LibraryServer.awaitScan(owner, Duration.ofSeconds(60));
                String track = DurabilityIT.trackIds(owner, 1).get(0);
                WebVisitor web = WebVisitor.owner(server, "198.51.100.81");

                WebVisitor.Reply refused = web.put("/api/me/listenbrainz", Map.of("token", "not-a-known-token"));
                assertThat(refused.status()).isEqualTo(422);
                WebVisitor.Reply connected = web.put("/api/me/listenbrainz", Map.of("token", TOKEN));
                assertThat(connected.status()).isEqualTo(200);
                assertThat(connected.json().path("userName").asString()).isEqualTo("owner-on-lb");

                listenBrainz.failWith(503, Map.of());
                Instant playedAt = Instant.now().minusSeconds(1800);
                owner.json("scrobble", "id", track, "submission", "true", "time", Long.toString(playedAt.toEpochMilli()));
                awaitQueued(web, 1);
                listenBrainz.recover();

                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (listenBrainz.listens().isEmpty()) {
                    assertThat(System.nanoTime()).as("the listen reaches ListenBrainz").isLessThan(deadline);
                    Thread.sleep(100);
                }
                List<JsonNode> arrived = listenBrainz.listens();
                assertThat(arrived).hasSize(1);
                assertThat(arrived.get(0).path("listened_at").asLong()).isEqualTo(playedAt.getEpochSecond());
                assertThat(arrived.get(0).path("track_metadata").path("additional_info").path("media_player").asString())
                        .isEqualTo("Symfonium");
                assertThat(server.log()).as("the token never reaches the log").doesNotContain(TOKEN);
            }
        }
    }

    private static void awaitQueued(WebVisitor web, int queued) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (web.get("/api/me/listenbrainz").json().path("queued").asInt() != queued) {
            assertThat(System.nanoTime()).as(queued + " listen waits while ListenBrainz is down").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
