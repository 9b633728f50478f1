package dev.minstrel.ingest.api;

import dev.minstrel.ingest.IngestFixture;
import dev.minstrel.ingest.fake.FakeTools;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoints over real HTTP (Reactor Netty), with a test stand-in for the server's sign-in. */
class IngestApiTest {

    private static final String TRACK = "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Map<String, IngestCaller> USERS = Map.of("owner", IngestFixture.OWNER,
            "friend", IngestFixture.FRIEND, "listener", IngestFixture.LISTENER);

    private IngestFixture ingest;
    private DisposableServer server;
    private WebClient http;

    private void start(Path dir, FakeTools tools) {
        ingest = IngestFixture.start(dir, tools);
        IngestCallers callers = request -> Mono.justOrEmpty(request.headers().firstHeader("X-Test-User")).mapNotNull(USERS::get);
        server = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(IngestApi.routes(ingest.service, callers))))
                .bindNow();
        http = WebClient.create("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.disposeNow();
        }
        if (ingest != null) {
            ingest.close();
        }
    }

    record Reply(int status, String contentType, JsonNode body) {
    }

    private Reply call(String method, String path, String user, String body) {
        WebClient.RequestBodySpec request = http.method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (user != null) {
            request = request.header("X-Test-User", user);
        }
        WebClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("null")
                .map(text -> new Reply(response.statusCode().value(),
                        response.headers().contentType().map(MediaType::toString).orElse(""), JSON.readTree(text))))
                .block(Duration.ofSeconds(30));
    }

    @Test
    void strangersGet401OthersWithoutTheGrant403AndBadLinksAProblemBeforeAnythingRuns(@TempDir Path dir) {
        start(dir, new FakeTools(dir).install(true, false));

        Reply nobody = call("GET", "/api/ingest", null, null);
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.contentType()).isEqualTo("application/problem+json");
        assertThat(nobody.body().path("status").asInt()).isEqualTo(401);

        Reply listener = call("POST", "/api/ingest", "listener", "{\"url\":\"" + TRACK + "\"}");
        assertThat(listener.status()).isEqualTo(403);
        assertThat(listener.body().path("detail").asString()).contains("ingest permission");

        Reply option = call("POST", "/api/ingest", "owner", "{\"url\":\"--exec=touch /tmp/pwned\"}");
        assertThat(option.status()).isEqualTo(400);
        assertThat(option.contentType()).isEqualTo("application/problem+json");
        assertThat(option.body().path("detail").asString()).startsWith("A link cannot start with '-'");

        Reply elsewhere = call("POST", "/api/ingest", "owner", "{\"url\":\"https://soundcloud.com/a/b\"}");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body().path("detail").asString()).contains("soundcloud.com").contains("not supported");

        assertThat(call("POST", "/api/ingest", "owner", "not json").status()).isEqualTo(400);
        assertThat(call("GET", "/api/ingest?limit=0", "owner", null).status()).isEqualTo(400);
        assertThat(call("GET", "/api/ingest/ij-nope", "owner", null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/ingest", "owner", null).body().path("total").asLong()).isZero();
    }

    @Test
    void aPastedLinkBecomesAJobWhoseProgressReachesAnSseAndAWebSocketClientQuickly(@TempDir Path dir) throws Exception {
        Path lineLog = dir.resolve("lines.log");
        start(dir, new FakeTools(dir).env("FAKE_SPOTDL_LINE_LOG", lineLog.toString())
                .env("FAKE_SPOTDL_TIME_SCALE", "1").install(true, false));
        List<Received> sse = new CopyOnWriteArrayList<>();
        List<Received> ws = new CopyOnWriteArrayList<>();
        var sseSubscription = http.get().uri("/api/ingest/events").header("X-Test-User", "owner")
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .filter(e -> e.data() != null)
                .subscribe(e -> sse.add(new Received(System.currentTimeMillis(), JSON.readTree(e.data()))));
        HttpHeaders headers = new HttpHeaders();
        headers.add("X-Test-User", "owner");
        var wsSubscription = new ReactorNettyWebSocketClient().execute(
                URI.create("ws://127.0.0.1:" + server.port() + "/api/ingest/ws"), headers,
                session -> session.receive().map(WebSocketMessage::getPayloadAsText)
                        .doOnNext(text -> ws.add(new Received(System.currentTimeMillis(), JSON.readTree(text)))).then())
                .subscribe();
        Thread.sleep(1500); // both connected before the job exists

        Reply created = call("POST", "/api/ingest", "owner", "{\"url\":\"" + TRACK + "?si=x\"}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode job = created.body();
        assertThat(fieldNames(job)).containsExactly("id", "url", "kind", "state", "createdAt", "items");
        assertThat(job.path("url").asString()).isEqualTo(TRACK);
        assertThat(job.path("kind").asString()).isEqualTo("track");
        assertThat(job.path("state").asString()).isEqualTo("queued");
        assertThat(fieldNames(job.path("items").path(0)))
                .containsExactly("state", "percent", "title", "artist", "album", "trackId", "error");
        String id = job.path("id").asString();

        JsonNode done = ingest.awaitFinal(id) == null ? null : call("GET", "/api/ingest/" + id, "owner", null).body();
        assertThat(done.path("state").asString()).isEqualTo("succeeded");
        String trackId = done.path("items").path(0).path("trackId").asString();
        assertThat(trackId).startsWith("tr-");
        Thread.sleep(500);
        sseSubscription.dispose();
        wsSubscription.dispose();

        for (List<Received> client : List.of(sse, ws)) {
            assertThat(client).extracting(r -> r.event().path("type").asString() + ":" + state(r.event()))
                    .contains("job:queued", "job:running", "item:running", "item:succeeded", "job:succeeded");
            assertThat(client).filteredOn(r -> r.event().path("type").asString().equals("item"))
                    .extracting(r -> r.event().path("item").path("percent").asInt())
                    .contains(10, 70, 85, 90, 100);
            assertThat(client).anySatisfy(r -> assertThat(r.event().path("item").path("trackId").asString("")).isEqualTo(trackId));
            assertThat(client).allSatisfy(r -> assertThat(r.event().path("jobId").asString()).isEqualTo(id));
        }
        // the downloader's "Downloading" / "Embedding metadata" / "Done" lines reached both clients within 250 ms
        Map<Integer, Long> printed = printedAt(lineLog);
        for (List<Received> client : List.of(sse, ws)) {
            for (int percent : List.of(10, 70, 85)) {
                long received = client.stream().filter(r -> r.event().path("item").path("percent").asInt() == percent)
                        .mapToLong(Received::at).min().orElseThrow();
                assertThat(received - printed.get(percent)).as("delay of the %d%% event", percent).isLessThan(250);
            }
        }
    }

    @Test
    void friendsSeeTheirOwnJobsTheOwnerSeesAllAndAReconnectingClientGetsTheCurrentState(@TempDir Path dir) {
        start(dir, new FakeTools(dir).env("FAKE_SPOTDL_FAIL", "*:noresults").install(true, false));
        String friends = call("POST", "/api/ingest", "friend", "{\"url\":\"https://open.spotify.com/track/0000000000000000000001\"}")
                .body().path("id").asString();
        String owners = call("POST", "/api/ingest", "owner", "{\"url\":\"https://open.spotify.com/track/0000000000000000000002\"}")
                .body().path("id").asString();
        ingest.awaitFinal(friends);
        ingest.awaitFinal(owners);

        assertThat(call("GET", "/api/ingest", "friend", null).body().path("jobs")).extracting(j -> j.path("id").asString())
                .containsExactly(friends);
        assertThat(call("GET", "/api/ingest?limit=1", "owner", null).body().path("jobs")).extracting(j -> j.path("id").asString())
                .containsExactly(owners);
        assertThat(call("GET", "/api/ingest?offset=1&limit=1", "owner", null).body().path("jobs"))
                .extracting(j -> j.path("id").asString()).containsExactly(friends);
        assertThat(call("GET", "/api/ingest/" + owners, "friend", null).status()).isEqualTo(404);
        assertThat(call("DELETE", "/api/ingest/" + owners, "friend", null).status()).isEqualTo(404);

        Reply failed = call("GET", "/api/ingest/" + friends, "friend", null);
        assertThat(failed.body().path("state").asString()).isEqualTo("failed");
        assertThat(failed.body().path("items").path(0).path("error").asString()).startsWith("No match for this song");

        List<JsonNode> snapshot = http.get().uri("/api/ingest/events").header("X-Test-User", "friend")
                .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .filter(e -> e.data() != null).map(e -> JSON.readTree(e.data()))
                .take(1).collectList().block(Duration.ofSeconds(10));
        assertThat(snapshot).singleElement().satisfies(e -> {
            assertThat(e.path("jobId").asString()).isEqualTo(friends);
            assertThat(e.path("job").path("state").asString()).isEqualTo("failed");
        });

        Reply retried = call("POST", "/api/ingest/" + friends + "/retry", "friend", null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("state").asString()).isIn("queued", "running");
        Reply cancelled = call("DELETE", "/api/ingest/" + friends, "friend", null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("state").asString()).isIn("cancelled", "failed");
    }

    record Received(long at, JsonNode event) {
    }

    private static String state(JsonNode event) {
        return event.has("job") ? event.path("job").path("state").asString() : event.path("item").path("state").asString();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    /** When the fake printed the lines that become 10 %, 70 % and 85 %. */
    private static Map<Integer, Long> printedAt(Path lineLog) throws java.io.IOException {
        Map<Integer, Long> at = new HashMap<>();
        for (String line : Files.readAllLines(lineLog)) {
            String[] parts = line.split("\t", 2);
            int percent = parts[1].endsWith(": Downloading") ? 10 : parts[1].endsWith(": Embedding metadata") ? 70
                    : parts[1].endsWith(": Done") ? 85 : -1;
            if (percent > 0) {
                at.putIfAbsent(percent, Long.parseLong(parts[0]));
            }
        }
        return Collections.unmodifiableMap(at);
    }
}
