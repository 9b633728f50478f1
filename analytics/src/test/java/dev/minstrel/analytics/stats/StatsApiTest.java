package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.library.catalogue.Track;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.minstrel.analytics.TestTracks.track;

/**
 * The /api/stats routes over real HTTP handling (WebTestClient bound to the router). The server's
 * security is stood in for by a header naming the caller.
 */
class StatsApiTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Map<String, StatsCaller> CALLERS = Map.of(
            "owner", new StatsCaller("us-owner", "owner", true),
            "alice", new StatsCaller("us-alice", "alice", false));

    private final Track song = track("tr-song", "Song", "Band", "Record", "Rock", 200);

    @TempDir
    Path dir;
    private AnalyticsFixture fixture;
    private WebTestClient http;

    @BeforeEach
    void start() {
        fixture = new AnalyticsFixture(dir, NOW, List.of(song));
        StatsAccess access = new StatsAccess() {
            @Override
            public Mono<StatsCaller> caller(ServerRequest request) {
                return Mono.justOrEmpty(request.headers().firstHeader("X-Caller")).mapNotNull(CALLERS::get);
            }

            @Override
            public Mono<String> userIdOf(String username) {
                return Mono.justOrEmpty(CALLERS.get(username)).map(StatsCaller::userId);
            }
        };
        http = WebTestClient.bindToRouterFunction(fixture.analytics.statsApi(access).routes()).build();
        fixture.analytics.recorder().submission("us-alice", song.id(), "DSub", NOW.minusSeconds(3600), NOW).block();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private WebTestClient.RequestHeadersSpec<?> get(String caller, String uri) {
        return http.get().uri(uri).header("X-Caller", caller);
    }

    @Test
    void aListenerSeesTheirOwnStatsWithTheFieldsScriptsRelyOn() {
        get("alice", "/api/stats/me?period=week").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.listens").isEqualTo(1)
                .jsonPath("$.minutesListened").isEqualTo(3)
                .jsonPath("$.topTracks[0].id").isEqualTo("tr-song")
                .jsonPath("$.topTracks[0].title").isEqualTo("Song")
                .jsonPath("$.topTracks[0].artist").isEqualTo("Band")
                .jsonPath("$.topTracks[0].listens").isEqualTo(1)
                .jsonPath("$.topArtists[0].name").isEqualTo("Band")
                .jsonPath("$.topArtists[0].listens").isEqualTo(1)
                .jsonPath("$.currentStreak").isEqualTo(1)
                .jsonPath("$.longestStreak").isEqualTo(1)
                .jsonPath("$.personas.length()").isEqualTo(0)
                .jsonPath("$.heatMap.length()").isEqualTo(7)
                .jsonPath("$.period").isEqualTo("week");
    }

    @Test
    void theOwnerSeesAnyUserAndTheServer() {
        get("owner", "/api/stats/users/alice").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.listens").isEqualTo(1).jsonPath("$.username").isEqualTo("alice");
        get("owner", "/api/stats/server?period=year").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.listens").isEqualTo(1).jsonPath("$.scope").isEqualTo("server");
        get("alice", "/api/stats/users/alice").exchange().expectStatus().isOk();
    }

    @Test
    void errorsAreProblemDetails() {
        http.get().uri("/api/stats/me").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.title").isEqualTo("Unauthorized");
        get("alice", "/api/stats/me?period=decade").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("period must be week, month, year or all, not 'decade'.");
        get("alice", "/api/stats/server").exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get("alice", "/api/stats/users/owner").exchange().expectStatus().isForbidden();
        get("owner", "/api/stats/users/nobody").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.instance").isEqualTo("/api/stats/users/nobody");
    }

    @Test
    void aListenerSetsTheirTimeZone() {
        get("alice", "/api/stats/profile").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.timeZone").isEqualTo("Z");
        http.put().uri("/api/stats/profile").header("X-Caller", "alice").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"timeZone\":\"Europe/Paris\"}").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.timeZone").isEqualTo("Europe/Paris");
        get("alice", "/api/stats/me").exchange().expectBody().jsonPath("$.timeZone").isEqualTo("Europe/Paris");
        http.put().uri("/api/stats/profile").header("X-Caller", "alice").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"timeZone\":\"Mars/Olympus\"}").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.put().uri("/api/stats/profile").header("X-Caller", "alice").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("not json").exchange()
                .expectStatus().isBadRequest();
    }
}
