package dev.minstrel.server.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors of every kind come back as RFC 9457 problem details, never a stack trace, with safe headers. */
class ProblemDetailsTest {

    @TempDir
    static Path dir;
    static ApiTestServer server;
    static WebTestClient client;
    static WebTestClient asOwner;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(dir);
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + server.port).build();
        String ownerKey = server.owner().post("/api/me/api-keys", Map.of("name", "tests")).json("$.key");
        asOwner = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + server.port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ownerKey).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnknownPathIs404() {
        EntityExchangeResult<String> reply = asOwner.get().uri("/api/no-such-thing").exchange()
                .expectBody(String.class).returnResult();

        assertProblem(reply, 404);
        assertThat(reply.getResponseBody()).contains("\"instance\":\"/api/no-such-thing\"");
    }

    @Test
    void aMissingThingIs404SayingWhatIsMissing() {
        EntityExchangeResult<String> reply = asOwner.delete().uri("/api/invites/no-such-code").exchange()
                .expectBody(String.class).returnResult();

        assertProblem(reply, 404);
        assertThat(reply.getResponseBody()).contains("\"detail\":\"There is no invite no-such-code\"")
                .contains("\"instance\":\"/api/invites/no-such-code\"");
    }

    @Test
    void anUnknownPathIs401ForAnAnonymousCallerRevealingNothing() {
        assertProblem(client.get().uri("/api/no-such-thing").exchange().expectBody(String.class).returnResult(), 401);
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        EntityExchangeResult<String> open = client.put().uri("/api/auth/login").exchange()
                .expectBody(String.class).returnResult();
        EntityExchangeResult<String> owner = asOwner.put().uri("/api/me").exchange()
                .expectBody(String.class).returnResult();

        assertProblem(open, 405);
        assertThat(open.getResponseHeaders().getAllow()).isNotEmpty();
        assertProblem(owner, 405);
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        EntityExchangeResult<String> reply = client.post().uri("/api/auth/login").contentType(MediaType.TEXT_PLAIN)
                .bodyValue("username=owner&password=x").exchange().expectBody(String.class).returnResult();

        assertProblem(reply, 415);
    }

    @Test
    void brokenJsonIs400AndTheBodyIsNotEchoed() {
        EntityExchangeResult<String> reply = client.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\": \"owner\", \"password\": \"hunter2-secret\"").exchange()
                .expectBody(String.class).returnResult();

        assertProblem(reply, 400);
        assertThat(reply.getResponseBody()).doesNotContain("hunter2-secret");
    }

    @Test
    void aMissingFieldIs400() {
        EntityExchangeResult<String> reply = client.post().uri("/api/auth/login")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"username\": \"owner\"}").exchange()
                .expectBody(String.class).returnResult();

        assertProblem(reply, 400);
    }

    @Test
    void aQueryParameterOfTheWrongTypeIs400NamingIt() {
        EntityExchangeResult<String> reply = asOwner.delete().uri("/api/users/nobody?deleteHistory=maybe").exchange()
                .expectBody(String.class).returnResult();

        assertProblem(reply, 400);
        assertThat(reply.getResponseBody())
                .contains("\"detail\":\"The query parameter 'deleteHistory' must be true or false\"");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : new String[] {"/api/me", "/api/no-such-thing", "/", "/join/abc", "/no-such-page"}) {
            HttpHeaders headers = client.get().uri(path).exchange().returnResult(String.class).getResponseHeaders();

            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'")
                    .contains("default-src 'self'");
            assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        }
        assertThat(client.get().uri("/api/me").exchange().returnResult(String.class).getResponseHeaders()
                .getCacheControl()).isEqualTo("no-store");
    }

    @Test
    void theOldInviteAddressRedirectsToTheJoinPage() {
        EntityExchangeResult<byte[]> redirect = client.get().uri("/join.html").exchange().expectBody().returnResult();

        assertThat(redirect.getStatus().value()).isEqualTo(301);
        assertThat(redirect.getResponseHeaders().getLocation()).hasToString("/join");
    }

    private static void assertProblem(EntityExchangeResult<String> reply, int status) {
        assertThat(reply.getStatus().value()).isEqualTo(status);
        assertThat(reply.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.getResponseBody()).contains("\"status\":" + status).contains("\"title\":")
                .contains("\"detail\":").doesNotContain("\tat ").doesNotContain("Exception");
    }
}
