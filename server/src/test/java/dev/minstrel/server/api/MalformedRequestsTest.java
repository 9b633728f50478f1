package dev.minstrel.server.api;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that HTTP libraries would never send, written byte for byte: each gets an answer in
 * the protocol's own terms (the Subsonic envelope under /rest, a problem detail under /api), in
 * order on a keep-alive connection, and nothing the client sent as a credential reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest {

    private static final String AUTH = "u=owner&p=" + ApiTestServer.OWNER_PASSWORD + "&v=1.16.1&c=raw";

    @TempDir
    static Path dir;
    static ApiTestServer server;
    static String apiKey;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(dir);
        apiKey = server.owner().post("/api/me/api-keys", Map.of("name", "raw tests")).json("$.key");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Answer get(String target, String... headers) {
        try (RawHttp http = new RawHttp(server.port)) {
            return http.send("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("", headers) + "\r\n")
                    .read();
        }
    }

    @Test
    void aParameterWithoutAValueIsAnEmptyValueNotAServerError() {
        RawHttp.Answer ping = get("/rest/ping?" + AUTH + "&f=json&x");
        RawHttp.Answer song = get("/rest/getSong?" + AUTH + "&f=json&id");
        RawHttp.Answer onlyName = get("/rest/ping?x");

        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.body()).contains("\"status\":\"ok\"");
        assertThat(song.body()).contains("\"status\":\"failed\"").contains("\"code\":10");
        assertThat(onlyName.status()).isEqualTo(200);
        assertThat(onlyName.body()).startsWith("<subsonic-response").contains("status=\"failed\"");
    }

    @Test
    void aMalformedEscapeIsASubsonicErrorUnderRestAndAProblemUnderApi() {
        RawHttp.Answer rest = get("/rest/ping?f=json&" + AUTH + "&title=%zz");
        RawHttp.Answer restPath = get("/rest/pi%g?f=json");
        RawHttp.Answer api = get("/api/me?x=%", "Authorization: Bearer " + apiKey + "\r\n");

        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.body()).contains("\"status\":\"failed\"").contains("\"code\":10").contains("escape");
        assertThat(restPath.body()).contains("\"status\":\"failed\"");
        assertProblem(api, 400, "/api/me");
    }

    @Test
    void charactersAUriMayNotHoldRawAreTakenAsTheirEscapes() {
        // "Beyoncé’s" as raw UTF-8 bytes, one char per byte, as some apps send search text
        String raw = new String("Beyoncé’s".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        RawHttp.Answer pipes = get("/rest/ping?f=json&" + AUTH + "&x=a|b{c}^");
        RawHttp.Answer search = get("/rest/search3?f=json&" + AUTH + "&query=" + raw);

        assertThat(pipes.status()).isEqualTo(200);
        assertThat(pipes.body()).contains("\"status\":\"ok\"");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.body()).contains("\"status\":\"ok\"");
    }

    @Test
    void aRequestLineLongerThanTheLimitIsAnsweredWithTheEnvelope() {
        RawHttp.Answer answer = get("/rest/ping?f=json&x=" + "a".repeat(40_000));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).startsWith("<subsonic-response").contains("status=\"failed\"")
                .contains("longer than");
    }

    @Test
    void aRequestLineOfTenKilobytesIsServedLikeAnyOther() {
        RawHttp.Answer answer = get("/rest/ping?" + AUTH + "&f=json&x=" + "a".repeat(10_000));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"ok\"");
    }

    @Test
    void headersTooLargeAreAProblemUnderApiAndAnEnvelopeUnderRest() {
        String huge = "X-Padding: " + "p".repeat(40_000) + "\r\n";

        assertProblem(get("/api/me", huge), 431, "/api/me");
        RawHttp.Answer rest = get("/rest/ping?f=json", huge);
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.body()).contains("\"status\":\"failed\"");
    }

    @Test
    void aMalformedHostIsAnErrorInTheProtocolsTerms() {
        try (RawHttp http = new RawHttp(server.port)) {
            RawHttp.Answer answer = http.send("GET /rest/ping?f=json HTTP/1.1\r\nHost: [::1\r\n\r\n").read();

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"status\":\"failed\"");
        }
    }

    @Test
    void aRequestPipelinedBehindASlowFormPostIsAnsweredEvenWhenItIsTooLong() {
        String form = AUTH + "&f=json";
        for (int attempt = 0; attempt < 5; attempt++) {
            try (RawHttp http = new RawHttp(server.port)) {
                // getPlaylists reads the database, so its answer comes after the next request was decoded
                http.send("POST /rest/getPlaylists HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                        + "\r\n\r\n" + form
                        + "GET /rest/ping?f=json&x=" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

                List<RawHttp.Answer> answers = http.readAll();

                assertThat(answers).as("attempt " + attempt).hasSize(2);
                assertThat(answers.get(0).body()).contains("\"status\":\"ok\"");
                assertThat(answers.get(1).body()).contains("status=\"failed\"");
            }
        }
    }

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsRefusedBeforeItIsSent() {
        try (RawHttp http = new RawHttp(server.port)) {
            RawHttp.Answer answer = http.send("POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + apiKey + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 10000000\r\n\r\n{\"url\":\"").read();

            assertProblem(answer, 413, "/api/ingest");
        }
    }

    @Test
    void aLargeChunkedBodyAndABogusCharsetAreProblemsNotServerErrors() {
        String chunk = "{\"url\":\"" + "x".repeat(300_000) + "\"}";
        try (RawHttp http = new RawHttp(server.port)) {
            RawHttp.Answer large = http.send("POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + apiKey + "\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(chunk.length()) + "\r\n" + chunk
                    + "\r\n0\r\n\r\n").read();
            assertProblem(large, 413, "/api/ingest");
        }
        String json = "{\"url\":\"https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC\"}";
        RawHttp.Answer bogus;
        try (RawHttp http = new RawHttp(server.port)) {
            bogus = http.send("POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + apiKey
                    + "\r\nContent-Type: application/json;charset=bogus\r\nContent-Length: " + json.length()
                    + "\r\n\r\n" + json).read();
        }
        assertProblem(bogus, 415, "/api/ingest");
    }

    @Test
    void noCredentialSentWithBadRequestsReachesTheLog(CapturedOutput output) {
        String token = "0123456789abcdef0123456789abcdef";
        get("/rest/ping?" + AUTH + "&f=json&x");
        get("/rest/getSong?u=owner&t=" + token + "&s=salty-salt&f=json&id");
        get("/rest/ping?" + AUTH + "&x=%zz");
        get("/rest/ping?apiKey=" + apiKey + "&x");
        get("/rest/ping?" + AUTH + "&x=" + "a".repeat(40_000));
        get("/api/me?x=%", "Authorization: Bearer " + apiKey + "\r\n");

        assertThat(output.getAll()).doesNotContain(ApiTestServer.OWNER_PASSWORD).doesNotContain(token)
                .doesNotContain("salty-salt").doesNotContain(apiKey);
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String instance) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).contains("\"status\":" + status).contains("\"instance\":\"" + instance + "\"")
                .contains("\"detail\":");
    }
}
