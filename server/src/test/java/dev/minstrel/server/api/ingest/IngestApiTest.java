package dev.minstrel.server.api.ingest;

import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.tags.TagEditor;
import dev.minstrel.server.api.ApiTestServer;
import dev.minstrel.server.api.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest endpoints of the real server over HTTP, SSE and WebSocket, with the Java fakes of
 * spotDL (rewritten before each test) behind it. Callers use API keys: the owner, a friend granted
 * ingest, a friend without the grant. One server for the class; each test pastes its own links.
 */
class IngestApiTest {

    private static final String TRACK = "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC";
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Set<String> FINAL = Set.of("succeeded", "partial", "failed", "cancelled");

    @TempDir
    static Path dir;
    static ApiTestServer server;
    static WebClient http;
    static String owner;
    static String friend;
    static String listener;
    static String another;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(dir, "--minstrel.ingest.spotdl=" + dir.resolve("bin/spotdl"),
                "--minstrel.ingest.yt-dlp=" + dir.resolve("no-such-tool/yt-dlp"),
                "--minstrel.ingest.disk-reserve=0B", "--minstrel.ingest.max-attempts=1",
                "--minstrel.ingest.max-pending-requests=2");
        http = WebClient.create("http://127.0.0.1:" + server.port);
        owner = apiKey(server.owner());
        friend = apiKey(server.friend("fay", "fays-password-1"));
        listener = apiKey(server.friend("lee", "lees-password-1"));
        another = apiKey(server.friend("ann", "anns-password-1"));
        assertThat(call("PATCH", "/api/users/fay", owner, "{\"ingest\": true}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String apiKey(Visitor user) {
        return user.post("/api/me/api-keys", Map.of("name", "tests")).json("$.key");
    }

    record Reply(int status, String contentType, JsonNode body) {
    }

    /** @param key the caller's API key, or null for nobody */
    private static Reply call(String method, String path, String key, String body) {
        WebClient.RequestBodySpec request = http.method(HttpMethod.valueOf(method)).uri(path);
        if (key != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
        }
        WebClient.RequestHeadersSpec<?> ready = body == null ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
        return ready.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("null")
                .map(text -> new Reply(response.statusCode().value(),
                        response.headers().contentType().map(MediaType::toString).orElse(""), JSON.readTree(text))))
                .block(Duration.ofSeconds(30));
    }

    private static JsonNode awaitFinal(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode job = call("GET", "/api/ingest/" + id, owner, null).body();
        while (!FINAL.contains(job.path("state").asString())) {
            assertThat(System.nanoTime()).as("job %s ends within a minute", id).isLessThan(deadline);
            Thread.sleep(100);
            job = call("GET", "/api/ingest/" + id, owner, null).body();
        }
        return job;
    }

    private static void assertProblem(Reply reply, int status, String path) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.contentType()).isEqualTo("application/problem+json");
        assertThat(reply.body().path("status").asInt()).isEqualTo(status);
        assertThat(reply.body().path("type").asString()).isEqualTo("about:blank");
        assertThat(reply.body().path("instance").asString()).isEqualTo(path);
    }

    @Test
    void strangersGet401OthersWithoutTheGrant403AndBadLinksAProblemBeforeAnythingRuns() {
        new FakeTools(dir).install(true, false);

        assertProblem(call("GET", "/api/ingest", null, null), 401, "/api/ingest");

        Reply refused = call("POST", "/api/ingest", listener, "{\"url\":\"" + TRACK + "\"}");
        assertProblem(refused, 403, "/api/ingest");
        assertThat(refused.body().path("detail").asString()).contains("ingest permission");
        assertProblem(call("GET", "/api/ingest/events", listener, null), 403, "/api/ingest/events");
        assertProblem(call("GET", "/api/ingest/ws", listener, null), 403, "/api/ingest/ws");
        Reply notUpgraded = call("GET", "/api/ingest/ws", owner, null);
        assertProblem(notUpgraded, 426, "/api/ingest/ws");
        assertThat(notUpgraded.body().path("detail").asString()).contains("WebSocket").contains("/api/ingest/events");

        Reply option = call("POST", "/api/ingest", owner, "{\"url\":\"--exec=touch /tmp/pwned\"}");
        assertProblem(option, 400, "/api/ingest");
        assertThat(option.body().path("title").asString()).isEqualTo("Bad Request");
        assertThat(option.body().path("detail").asString()).startsWith("A link cannot start with '-'");

        Reply elsewhere = call("POST", "/api/ingest", owner, "{\"url\":\"https://soundcloud.com/a/b\"}");
        assertProblem(elsewhere, 400, "/api/ingest");
        assertThat(elsewhere.body().path("detail").asString()).contains("soundcloud.com").contains("not supported");

        Reply notJson = call("POST", "/api/ingest", owner, "not json");
        assertProblem(notJson, 400, "/api/ingest");
        assertThat(notJson.body().path("detail").asString()).contains("{\"url\": ");
        assertProblem(call("POST", "/api/ingest", owner, "{\"link\": \"" + TRACK + "\"}"), 400, "/api/ingest");
        assertProblem(call("GET", "/api/ingest?limit=0", owner, null), 400, "/api/ingest");
        assertProblem(call("GET", "/api/ingest?offset=x", owner, null), 400, "/api/ingest");
        Reply unknown = call("GET", "/api/ingest/ij-nope", owner, null);
        assertProblem(unknown, 404, "/api/ingest/ij-nope");
        assertThat(unknown.body().path("detail").asString()).isEqualTo("There is no ingest job ij-nope.");
        assertThat(call("GET", "/api/ingest", listener, null).status()).isEqualTo(403);
    }

    @Test
    void aPastedLinkBecomesAJobWhoseProgressReachesAnSseAndAWebSocketClientQuickly() throws Exception {
        Path lineLog = dir.resolve("lines.log");
        new FakeTools(dir).env("FAKE_SPOTDL_LINE_LOG", lineLog.toString()).env("FAKE_SPOTDL_TIME_SCALE", "1")
                .install(true, false);
        List<Received> sse = new CopyOnWriteArrayList<>();
        List<Received> ws = new CopyOnWriteArrayList<>();
        var sseSubscription = http.get().uri("/api/ingest/events").header(HttpHeaders.AUTHORIZATION, "Bearer " + owner)
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve()
                .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .filter(e -> e.data() != null)
                .subscribe(e -> sse.add(new Received(System.currentTimeMillis(), JSON.readTree(e.data()))));
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(owner);
        var wsSubscription = new ReactorNettyWebSocketClient().execute(
                URI.create("ws://127.0.0.1:" + server.port + "/api/ingest/ws"), headers,
                session -> session.receive().map(WebSocketMessage::getPayloadAsText)
                        .doOnNext(text -> ws.add(new Received(System.currentTimeMillis(), JSON.readTree(text)))).then())
                .subscribe();
        Thread.sleep(1500); // both connected before the job exists

        Reply created = call("POST", "/api/ingest", owner, "{\"url\":\"" + TRACK + "?si=x\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode job = created.body();
        assertThat(fieldNames(job)).containsExactly("id", "url", "kind", "state", "createdAt", "attempts", "retryAt", "items",
                "output");
        assertThat(job.path("url").asString()).isEqualTo(TRACK);
        assertThat(job.path("kind").asString()).isEqualTo("track");
        assertThat(job.path("state").asString()).isEqualTo("queued");
        assertThat(fieldNames(job.path("items").path(0)))
                .containsExactly("state", "percent", "title", "artist", "album", "trackId", "error", "note");
        String id = job.path("id").asString();

        JsonNode done = awaitFinal(id);
        assertThat(done.path("state").asString()).isEqualTo("succeeded");
        String trackId = done.path("items").path(0).path("trackId").asString();
        assertThat(trackId).startsWith("tr-");
        Thread.sleep(500);
        sseSubscription.dispose();
        wsSubscription.dispose();

        for (List<Received> client : List.of(sse, ws)) {
            List<Received> thisJob = client.stream().filter(r -> r.event().path("jobId").asString().equals(id)).toList();
            assertThat(thisJob).extracting(r -> r.event().path("type").asString() + ":" + state(r.event()))
                    .contains("job:queued", "job:running", "item:running", "item:succeeded", "job:succeeded");
            assertThat(thisJob).filteredOn(r -> r.event().path("type").asString().equals("item"))
                    .extracting(r -> r.event().path("item").path("percent").asInt())
                    .contains(10, 70, 85, 90, 100);
            assertThat(thisJob).anySatisfy(r -> assertThat(r.event().path("item").path("trackId").asString(""))
                    .isEqualTo(trackId));
        }
        // the downloader's "Downloading" / "Embedding metadata" / "Done" lines reached both clients within 250 ms
        Map<Integer, Long> printed = printedAt(lineLog);
        for (List<Received> client : List.of(sse, ws)) {
            for (int percent : List.of(10, 70, 85)) {
                long received = client.stream().filter(r -> r.event().path("jobId").asString().equals(id))
                        .filter(r -> r.event().path("item").path("percent").asInt() == percent)
                        .mapToLong(Received::at).min().orElseThrow();
                assertThat(received - printed.get(percent)).as("delay of the %d%% event", percent).isLessThan(250);
            }
        }
        Reply again = call("POST", "/api/ingest", owner, "{\"url\":\"" + TRACK + "\"}");
        assertThat(again.status()).as("the same link again joins the finished job").isEqualTo(200);
        assertThat(again.body().path("id").asString()).isEqualTo(id);
    }

    @Test
    void friendsSeeTheirOwnJobsTheOwnerSeesAllAndAReconnectingClientGetsTheCurrentState() throws Exception {
        new FakeTools(dir).env("FAKE_SPOTDL_FAIL", "*:noresults").install(true, false);
        String friends = call("POST", "/api/ingest", friend, "{\"url\":\"https://open.spotify.com/track/0000000000000000000001\"}")
                .body().path("id").asString();
        String owners = call("POST", "/api/ingest", owner, "{\"url\":\"https://open.spotify.com/track/0000000000000000000002\"}")
                .body().path("id").asString();
        awaitFinal(friends);
        awaitFinal(owners);

        assertThat(call("GET", "/api/ingest", friend, null).body().path("jobs")).extracting(j -> j.path("id").asString())
                .containsExactly(friends);
        Reply newest = call("GET", "/api/ingest?limit=1", owner, null);
        assertThat(fieldNames(newest.body())).containsExactly("jobs", "offset", "limit", "total");
        assertThat(newest.body().path("jobs")).extracting(j -> j.path("id").asString()).containsExactly(owners);
        assertThat(call("GET", "/api/ingest?offset=1&limit=1", owner, null).body().path("jobs"))
                .extracting(j -> j.path("id").asString()).containsExactly(friends);
        assertProblem(call("GET", "/api/ingest/" + owners, friend, null), 404, "/api/ingest/" + owners);
        assertProblem(call("DELETE", "/api/ingest/" + owners, friend, null), 404, "/api/ingest/" + owners);

        Reply failed = call("GET", "/api/ingest/" + friends, friend, null);
        assertThat(failed.body().path("state").asString()).isEqualTo("failed");
        assertThat(failed.body().path("items").path(0).path("error").asString()).startsWith("No match for this song");

        List<JsonNode> snapshot = http.get().uri("/api/ingest/events").header(HttpHeaders.AUTHORIZATION, "Bearer " + friend)
                .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .filter(e -> e.data() != null).map(e -> JSON.readTree(e.data()))
                .take(1).collectList().block(Duration.ofSeconds(10));
        assertThat(snapshot).singleElement().satisfies(e -> {
            assertThat(e.path("jobId").asString()).isEqualTo(friends);
            assertThat(e.path("job").path("state").asString()).isEqualTo("failed");
        });

        Reply retried = call("POST", "/api/ingest/" + friends + "/retry", friend, null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("state").asString()).isIn("queued", "running");
        Reply cancelled = call("DELETE", "/api/ingest/" + friends, friend, null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("state").asString()).isIn("cancelled", "failed");
    }

    @Test
    void aFailedLinkPastedAgainRetriesItsJobAndRetryFailedQueuesTheCallersFailedJobs() throws Exception {
        new FakeTools(dir).env("FAKE_SPOTDL_SPOTIFY_403", "1").install(true, false);
        String link = "https://open.spotify.com/playlist/37i9dQZF1DX00000000003";
        String id = call("POST", "/api/ingest", friend, "{\"url\":\"" + link + "\"}").body().path("id").asString();
        JsonNode failed = awaitFinal(id);
        assertThat(failed.path("state").asString()).isEqualTo("failed");
        assertThat(failed.path("items").path(0).path("error").asString()).startsWith("Spotify refused the request (HTTP 403)");
        assertThat(failed.path("output")).anySatisfy(line -> assertThat(line.asString()).startsWith("SpotifyException"));

        Reply again = call("POST", "/api/ingest", friend, "{\"url\":\"" + link + "?si=again\"}");
        assertThat(again.status()).as("the same job, queued again").isEqualTo(200);
        assertThat(again.body().path("id").asString()).isEqualTo(id);
        assertThat(awaitFinal(id).path("attempts").asInt()).isEqualTo(1); // a manual retry starts the count over

        new FakeTools(dir).install(true, false);
        Reply retried = call("POST", "/api/ingest/retry-failed", friend, null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().path("jobs")).extracting(j -> j.path("id").asString()).contains(id);
        assertThat(retried.body().path("jobs")).allSatisfy(j -> assertThat(j.path("state").asString()).isIn("queued", "running"));
        assertThat(awaitFinal(id).path("state").asString()).isEqualTo("succeeded");
        assertProblem(call("POST", "/api/ingest/retry-failed", listener, null), 403, "/api/ingest/retry-failed");
    }

    @Test
    void aFriendAsksTheOwnerApprovesTheSongLandsAndAskingAgainPointsAtIt() throws Exception {
        new FakeTools(dir).install(true, false);
        String link = "https://open.spotify.com/track/0000000000000000000010";
        assertProblem(call("POST", "/api/requests", null, "{\"url\":\"" + link + "\"}"), 401, "/api/requests");
        assertProblem(call("POST", "/api/requests", listener, "not json"), 400, "/api/requests");
        assertProblem(call("POST", "/api/requests", listener, "{\"url\":\"https://soundcloud.com/a/b\"}"), 400, "/api/requests");
        assertProblem(call("POST", "/api/requests", listener, "{\"url\":\"" + link + "\",\"note\":\"" + "x".repeat(501) + "\"}"),
                400, "/api/requests");

        Reply asked = call("POST", "/api/requests", listener, "{\"url\":\"" + link + "?si=x\",\"note\":\"for the road trip\"}");
        assertThat(asked.status()).isEqualTo(201);
        JsonNode request = asked.body();
        assertThat(fieldNames(request)).containsExactly("id", "url", "note", "state", "requestedBy", "createdAt", "decidedAt",
                "reason", "job");
        assertThat(request.path("state").asString()).isEqualTo("pending");
        assertThat(request.path("url").asString()).isEqualTo(link);
        assertThat(request.path("requestedBy").asString()).isEqualTo("lee");
        String id = request.path("id").asString();

        assertProblem(call("GET", "/api/requests/" + id, another, null), 404, "/api/requests/" + id);
        assertThat(call("GET", "/api/requests", another, null).body().path("requests"))
                .noneSatisfy(r -> assertThat(r.path("id").asString()).isEqualTo(id));
        assertProblem(call("POST", "/api/requests/" + id + "/approve", listener, null), 403, "/api/requests/" + id + "/approve");
        assertThat(call("GET", "/api/requests", owner, null).body().path("requests"))
                .anySatisfy(r -> assertThat(r.path("id").asString()).isEqualTo(id));

        Reply approved = call("POST", "/api/requests/" + id + "/approve", owner, null);
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("state").asString()).isEqualTo("approved");
        assertThat(approved.body().path("job").path("id").asString()).startsWith("ij-");

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode seen = call("GET", "/api/requests/" + id, listener, null).body();
        while (!seen.path("state").asString().equals("done")) {
            assertThat(System.nanoTime()).as("the request is done within a minute: %s", seen).isLessThan(deadline);
            Thread.sleep(100);
            seen = call("GET", "/api/requests/" + id, listener, null).body();
        }
        String trackId = seen.path("job").path("items").path(0).path("trackId").asString();
        assertThat(trackId).startsWith("tr-");

        Reply present = call("POST", "/api/requests", another, "{\"url\":\"spotify:track:0000000000000000000010\"}");
        assertThat(present.status()).isEqualTo(200);
        assertThat(present.body().path("inLibrary").asBoolean()).isTrue();
        assertThat(present.body().path("message").asString()).isEqualTo("This song is in the library already.");
        assertThat(present.body().path("songs").path(0).path("id").asString()).isEqualTo(trackId);
        assertThat(present.body().path("songs").path(0).path("albumId").asString()).isNotBlank();
    }

    @Test
    void aDeclinedRequestSaysWhyAndAFriendMayHaveOnlySoManyWaiting() {
        String first = "https://open.spotify.com/album/0000000000000000000011";
        String second = "https://open.spotify.com/album/0000000000000000000012";
        String third = "https://open.spotify.com/album/0000000000000000000013";
        String id = call("POST", "/api/requests", another, "{\"url\":\"" + first + "\"}").body().path("id").asString();
        assertThat(call("POST", "/api/requests", another, "{\"url\":\"" + second + "\"}").status()).isEqualTo(201);
        Reply again = call("POST", "/api/requests", another, "{\"url\":\"" + first + "\",\"note\":\"still want it\"}");
        assertThat(again.status()).as("asking twice is one request").isEqualTo(200);
        assertThat(again.body().path("id").asString()).isEqualTo(id);

        Reply tooMany = call("POST", "/api/requests", another, "{\"url\":\"" + third + "\"}");
        assertProblem(tooMany, 409, "/api/requests");
        assertThat(tooMany.body().path("detail").asString()).startsWith("You already have 2 requests waiting (at most 2)");

        assertProblem(call("POST", "/api/requests/" + id + "/decline", friend, "{}"), 400, "/api/requests/" + id + "/decline");
        Reply declined = call("POST", "/api/requests/" + id + "/decline", friend, "{\"reason\":\"Not on Spotify in our country\"}");
        assertThat(declined.status()).isEqualTo(200);
        JsonNode seen = call("GET", "/api/requests/" + id, another, null).body();
        assertThat(seen.path("state").asString()).isEqualTo("declined");
        assertThat(seen.path("reason").asString()).isEqualTo("Not on Spotify in our country");
        assertThat(seen.path("job").isNull()).isTrue();

        List<JsonNode> live = http.get().uri("/api/requests/events").header(HttpHeaders.AUTHORIZATION, "Bearer " + another)
                .retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                .filter(e -> "request".equals(e.event())).map(e -> JSON.readTree(e.data()))
                .takeUntil(r -> r.path("id").asString().equals(id)).collectList().block(Duration.ofSeconds(10));
        assertThat(live).last().satisfies(r -> {
            assertThat(r.path("state").asString()).isEqualTo("declined");
            assertThat(r.path("reason").asString()).isEqualTo("Not on Spotify in our country");
        });
        assertThat(live).allSatisfy(r -> assertThat(r.path("requestedBy").asString()).isEqualTo("ann"));

        Reply late = call("POST", "/api/requests/" + id + "/approve", owner, null);
        assertProblem(late, 409, "/api/requests/" + id + "/approve");
        assertThat(late.body().path("detail").asString()).contains("declined");
        assertProblem(call("POST", "/api/requests/rq-nope/approve", owner, null), 404, "/api/requests/rq-nope/approve");
        assertThat(call("POST", "/api/requests", another, "{\"url\":\"" + third + "\"}").status())
                .as("a decided request no longer counts").isEqualTo(201);
    }

    @Test
    void aDeletedFriendsRequestsGoWithTheAccount() throws Exception {
        String dee = apiKey(server.friend("dee", "dees-password-1"));
        String id = call("POST", "/api/requests", dee, "{\"url\":\"https://open.spotify.com/album/0000000000000000000014\"}")
                .body().path("id").asString();
        assertThat(call("GET", "/api/requests/" + id, owner, null).status()).isEqualTo(200);

        assertThat(call("DELETE", "/api/users/dee", owner, null).status()).isEqualTo(204);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (call("GET", "/api/requests/" + id, owner, null).status() != 404) {
            assertThat(System.nanoTime()).as("the request goes with the account").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void aLandedTrackRetaggedAndMovedOutsideMinstrelKeepsItsIdPlaysStarAndRating() throws Exception {
        new FakeTools(dir).env("FAKE_SPOTDL_ISRC", "Song 000000=GBAYE0601498").install(true, false);
        String link = "https://open.spotify.com/track/0000000000000000000020";
        JsonNode job = awaitFinal(call("POST", "/api/ingest", owner, "{\"url\":\"" + link + "\"}").body().path("id").asString());
        String id = job.path("items").path(0).path("trackId").asString();
        assertThat(id).startsWith("tr-");
        long playedAt = System.currentTimeMillis() - 60_000;
        assertThat(subsonic("scrobble", "id=" + id + "&submission=true&time=" + playedAt)).contains("\"status\":\"ok\"");
        assertThat(subsonic("star", "id=" + id)).contains("\"status\":\"ok\"");
        assertThat(subsonic("setRating", "id=" + id + "&rating=4")).contains("\"status\":\"ok\"");

        // the owner's tagger renames the song and files it elsewhere, with Minstrel not told
        Path landed = dir.resolve("music/Artist 000000/Album 000000/01 - Song 000000.mp3");
        TagEditor tags = TagEditor.open(landed);
        tags.set(TagEditor.Field.TITLE, "Song 000000 (2026 Remaster)");
        tags.set(TagEditor.Field.ALBUM, "Remasters");
        tags.save();
        Path moved = dir.resolve("music/Sorted by hand/Remasters/song.mp3");
        Files.createDirectories(moved.getParent());
        Files.move(landed, moved);
        server.bean(MusicLibrary.class).scanNow(false);

        String song = subsonic("getSong", "id=" + id);
        assertThat(Visitor.Reply.<String>read(song, "$.subsonic-response.song.title")).isEqualTo("Song 000000 (2026 Remaster)");
        assertThat(Visitor.Reply.<String>read(song, "$.subsonic-response.song.album")).isEqualTo("Remasters");
        assertThat(Visitor.Reply.<Number>read(song, "$.subsonic-response.song.playCount").longValue()).isEqualTo(1);
        assertThat(Visitor.Reply.<Integer>read(song, "$.subsonic-response.song.userRating")).isEqualTo(4);
        assertThat(Visitor.Reply.<String>read(song, "$.subsonic-response.song.starred")).isNotBlank();
        assertThat(subsonic("getStarred2", "")).contains("\"id\":\"" + id + "\"");
        assertThat(Visitor.Reply.<List<String>>read(song, "$.subsonic-response.song.isrc")).containsExactly("GBAYE0601498");
    }

    /** A Subsonic call as the owner, answered in JSON. */
    private static String subsonic(String method, String query) {
        Visitor.Reply reply = server.visitor().get("/rest/" + method + "?u=" + ApiTestServer.OWNER + "&p="
                + ApiTestServer.OWNER_PASSWORD + "&v=1.16.1&c=tests&f=json" + (query.isEmpty() ? "" : "&" + query));
        assertThat(reply.status()).as(method).isEqualTo(200);
        return reply.body();
    }

    @Test
    void withoutSpotdlTheJobFailsSayingHowToInstallIt() throws Exception {
        new FakeTools(dir).install(false, false);
        Reply created = call("POST", "/api/ingest", owner, "{\"url\":\"https://open.spotify.com/track/7GhIk7Il098yCjg4BQjzvb\"}");
        assertThat(created.status()).isEqualTo(201);

        JsonNode job = awaitFinal(created.body().path("id").asString());
        assertThat(job.path("state").asString()).isEqualTo("failed");
        assertThat(job.toString()).containsIgnoringCase("spotdl").containsIgnoringCase("install");
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
    private static Map<Integer, Long> printedAt(Path lineLog) throws IOException {
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
