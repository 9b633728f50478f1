package dev.minstrel.server.api.listenbrainz;

import dev.minstrel.analytics.listenbrainz.FakeListenBrainz;
import dev.minstrel.analytics.listenbrainz.ListenBrainzForwarder;
import dev.minstrel.analytics.listenbrainz.TokenSeal;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.fixtures.AudioFixtures;
import dev.minstrel.server.accounts.SecretBox;
import dev.minstrel.server.api.ApiTestServer;
import dev.minstrel.server.api.Visitor;
import dev.minstrel.server.listenbrainz.ListenBrainzClient;
import dev.minstrel.server.listenbrainz.ListenBrainzSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forwarding to ListenBrainz on a running server: a fake ListenBrainz on loopback that answers as
 * the real one does, scrobbles sent to /rest/scrobble as apps send them, and the user's view at
 * /api/me/listenbrainz. Each test signs up a friend of its own with a ListenBrainz token of their own.
 */
class ListenBrainzApiTest {

    private static final String RECORDING = "8f3471b5-7e6a-48da-86a9-c1c07a0f47ae";
    private static final AtomicInteger FRIENDS = new AtomicInteger();

    @TempDir
    static Path dir;
    static FakeListenBrainz listenBrainz;
    static ApiTestServer server;
    static String songId;

    @BeforeAll
    static void start() throws InterruptedException {
        AudioFixtures.mp3(dir.resolve("music/Band/Record/1 Song.mp3")).title("Song").artist("Band").album("Record")
                .albumArtist("Band").track(1).seconds(200)
                .musicBrainz(RECORDING, "d6010be3-98f8-422c-a6c9-787e2e491e58", "5b11f4ce-a62d-471e-81fc-a69a8278c7da", null)
                .compact().write();
        listenBrainz = new FakeListenBrainz();
        server = new ApiTestServer(dir, "--minstrel.listenbrainz.url=" + listenBrainz.url(),
                "--minstrel.listenbrainz.poll-interval=200ms", "--minstrel.listenbrainz.retry-min=300ms",
                "--minstrel.listenbrainz.retry-max=2s", "--minstrel.listenbrainz.timeout=3s");
        MusicLibrary library = server.bean(MusicLibrary.class);
        await("the first scan finds the song", Duration.ofSeconds(60),
                () -> library.catalogue().tracks().stream().anyMatch(t -> "Song".equals(t.title())));
        songId = library.catalogue().tracks().stream().filter(t -> "Song".equals(t.title())).findFirst().orElseThrow().id();
    }

    @AfterAll
    static void stop() {
        server.close();
        listenBrainz.close();
    }

    @AfterEach
    void listenBrainzWorksAgain() {
        listenBrainz.recover();
    }

    /** A friend of the server with a ListenBrainz account of their own. */
    private record Friend(String name, String password, Visitor web, String token) {

        Visitor.Reply connect(String token) {
            return web.send(HttpMethod.PUT, "/api/me/listenbrainz", Map.of("token", token));
        }

        Visitor.Reply link() {
            return web.get("/api/me/listenbrainz");
        }

        /** {@code /rest/scrobble} as DSub sends it. */
        void scrobble(boolean submission, Instant at) {
            Visitor.Reply reply = server.visitor().get("/rest/scrobble?u=" + name + "&p=" + password
                    + "&v=1.16.1&c=DSub&f=json&id=" + songId + "&submission=" + submission
                    + (submission ? "&time=" + at.toEpochMilli() : ""));
            assertThat(reply.body()).contains("\"status\":\"ok\"");
        }

        List<JsonNode> arrived() {
            return listenBrainz.received().stream().filter(r -> r.userName().equals("lb-" + name))
                    .filter(r -> !r.listenType().equals("playing_now")).flatMap(r -> r.listens().stream()).toList();
        }
    }

    private static Friend friend() {
        String name = "friend" + FRIENDS.incrementAndGet();
        String password = name + "-password-1";
        Visitor web = server.friend(name, password);
        String token = "token-of-" + name + "-0123456789";
        listenBrainz.user(token, "lb-" + name);
        return new Friend(name, password, web, token);
    }

    private static Friend connectedFriend() {
        Friend friend = friend();
        assertThat(friend.connect(friend.token()).status()).isEqualTo(200);
        return friend;
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void assertProblem(Visitor.Reply reply, int status) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.<String>json("$.instance")).isEqualTo("/api/me/listenbrainz");
    }

    @Test
    void aTokenIsStoredOnlyOnceListenBrainzSaysItIsValidAndSealed() {
        Friend friend = friend();

        Visitor.Reply wrong = friend.connect("not-a-token-listenbrainz-knows");
        assertProblem(wrong, 422);
        assertThat(wrong.<String>json("$.detail")).isEqualTo("ListenBrainz says this token is not valid. Nothing was stored.");
        assertThat(friend.link().<Boolean>json("$.connected")).isFalse();
        assertProblem(friend.web().send(HttpMethod.PUT, "/api/me/listenbrainz", Map.of("token", " ")), 400);
        assertProblem(friend.web().send(HttpMethod.PUT, "/api/me/listenbrainz", Map.of("other", "x")), 400);

        Visitor.Reply right = friend.connect(friend.token());
        assertThat(right.status()).isEqualTo(200);
        assertThat(right.<Boolean>json("$.connected")).isTrue();
        assertThat(right.<String>json("$.userName")).isEqualTo("lb-" + friend.name());
        assertThat(right.<Integer>json("$.queued")).isZero();
        assertThat(right.<Boolean>json("$.sending")).isTrue();
        assertThat(right.body()).doesNotContain(friend.token());
        Visitor.Reply shown = friend.link();
        assertThat(shown.<String>json("$.userName")).isEqualTo("lb-" + friend.name());
        assertThat(shown.body()).doesNotContain(friend.token());

        String stored = server.bean(DatabaseClient.class).sql("SELECT sealed_token FROM listenbrainz_connection c "
                        + "JOIN account a ON a.id = c.user_id WHERE a.username = :n").bind("n", friend.name())
                .map(row -> row.get("sealed_token", String.class)).one().block();
        assertThat(stored).as("the token is sealed at rest").isNotBlank().doesNotContain(friend.token());
    }

    @Test
    void whenListenBrainzCannotBeReachedNothingIsStoredAndTheAnswerSaysSo() {
        Friend friend = friend();
        listenBrainz.failWith(503, Map.of());

        Visitor.Reply reply = friend.connect(friend.token());

        assertProblem(reply, 503);
        assertThat(reply.<String>json("$.detail")).contains("could not be checked").contains("answered 503")
                .contains("Nothing was stored");
        assertThat(friend.link().<Boolean>json("$.connected")).isFalse();
    }

    @Test
    void aScrobbledListenArrivesAtListenBrainzWithWhatItKnows() {
        Friend friend = connectedFriend();
        Instant playedAt = Instant.now().minusSeconds(3600);

        friend.scrobble(true, playedAt);

        await("the listen reaches ListenBrainz", Duration.ofSeconds(10), () -> friend.arrived().size() == 1);
        JsonNode listen = friend.arrived().get(0);
        assertThat(listen.path("listened_at").asLong()).isEqualTo(playedAt.getEpochSecond());
        assertThat(listen.path("track_metadata").path("track_name").asString()).isEqualTo("Song");
        assertThat(listen.path("track_metadata").path("artist_name").asString()).isEqualTo("Band");
        assertThat(listen.path("track_metadata").path("release_name").asString()).isEqualTo("Record");
        JsonNode info = listen.path("track_metadata").path("additional_info");
        assertThat(info.path("recording_mbid").asString()).isEqualTo(RECORDING);
        assertThat(info.path("duration_ms").asLong()).isPositive();
        assertThat(info.path("media_player").asString()).isEqualTo("DSub");
        assertThat(listenBrainz.received().stream().filter(r -> r.userName().equals("lb-" + friend.name()))
                .map(r -> r.listenType())).containsExactly("single");
        await("the status shows it sent", Duration.ofSeconds(5),
                () -> friend.link().<String>json("$.lastSubmittedAt") != null);
        assertThat(friend.link().<Integer>json("$.queued")).isZero();
    }

    @Test
    void whileListenBrainzIsDownListensWaitAndArriveAfterwardsInOrderAndOnce() throws InterruptedException {
        Friend friend = connectedFriend();
        listenBrainz.failWith(503, Map.of());
        Instant first = Instant.now().minusSeconds(3 * 3600);

        for (int i = 0; i < 3; i++) {
            friend.scrobble(true, first.plusSeconds(3600L * i));
        }

        await("three listens wait with the reason", Duration.ofSeconds(10), () -> {
            Visitor.Reply link = friend.link();
            return link.<Integer>json("$.queued") == 3 && link.<String>json("$.lastError") != null;
        });
        assertThat(friend.link().<String>json("$.lastError")).contains("503");
        assertThat(friend.arrived()).isEmpty();

        listenBrainz.recover();

        await("the queue is sent once ListenBrainz is back", Duration.ofSeconds(10), () -> friend.arrived().size() >= 3);
        Thread.sleep(1000); // a few more rounds of the sender: nothing is sent twice
        assertThat(friend.arrived()).extracting(listen -> listen.path("listened_at").asLong()).containsExactly(
                first.getEpochSecond(), first.plusSeconds(3600).getEpochSecond(), first.plusSeconds(7200).getEpochSecond());
        Visitor.Reply link = friend.link();
        assertThat(link.<Integer>json("$.queued")).isZero();
        assertThat(link.<String>json("$.lastError")).isNull();
    }

    @Test
    void aRateLimitIsWaitedOutAsListenBrainzAsks() throws InterruptedException {
        Friend friend = connectedFriend();
        listenBrainz.failWith(429, Map.of("X-RateLimit-Reset-In", "3"));
        int answersBefore = listenBrainz.submitStatuses().size();

        friend.scrobble(true, Instant.now().minusSeconds(600));
        await("ListenBrainz said 429", Duration.ofSeconds(10),
                () -> listenBrainz.submitStatuses().subList(answersBefore, listenBrainz.submitStatuses().size()).contains(429));
        listenBrainz.recover();

        Thread.sleep(1500); // the backoff alone would have tried again after 300 ms
        assertThat(friend.arrived()).as("nothing sent before the reset time").isEmpty();
        await("sent after the reset time", Duration.ofSeconds(10), () -> friend.arrived().size() == 1);
    }

    @Test
    void aTrackStartedIsReportedAsPlayingNow() {
        Friend friend = connectedFriend();

        friend.scrobble(false, Instant.now());

        await("playing_now reaches ListenBrainz", Duration.ofSeconds(10), () -> listenBrainz.received().stream()
                .anyMatch(r -> r.userName().equals("lb-" + friend.name()) && r.listenType().equals("playing_now")));
        JsonNode playing = listenBrainz.received().stream()
                .filter(r -> r.userName().equals("lb-" + friend.name()) && r.listenType().equals("playing_now"))
                .findFirst().orElseThrow().listens().get(0);
        assertThat(playing.has("listened_at")).isFalse();
        assertThat(playing.path("track_metadata").path("track_name").asString()).isEqualTo("Song");
        assertThat(friend.link().<Integer>json("$.queued")).as("now playing is never queued").isZero();
    }

    @Test
    void aTokenListenBrainzNoLongerTakesStopsTheSendingAndSaysWhy() {
        Friend friend = connectedFriend();
        listenBrainz.revoke(friend.token());

        friend.scrobble(true, Instant.now().minusSeconds(900));

        await("the link shows the refusal", Duration.ofSeconds(10), () -> !friend.link().<Boolean>json("$.sending"));
        Visitor.Reply link = friend.link();
        assertThat(link.<Boolean>json("$.connected")).isTrue();
        assertThat(link.<String>json("$.lastError")).contains("refused the token").contains("401");
        assertThat(friend.arrived()).isEmpty();

        friend.scrobble(true, Instant.now().minusSeconds(300));
        assertThat(friend.link().<Integer>json("$.queued")).as("nothing more is queued while refused").isEqualTo(1);
    }

    @Test
    void twoInstancesOnOneDatabaseSendEachListenOnceInOrder() throws InterruptedException {
        Friend friend = connectedFriend();
        listenBrainz.failWith(503, Map.of());
        Instant first = Instant.now().minusSeconds(30 * 3600);
        for (int i = 0; i < 20; i++) {
            friend.scrobble(true, first.plusSeconds(3600L * i));
        }
        await("20 listens wait", Duration.ofSeconds(10), () -> friend.link().<Integer>json("$.queued") == 20);
        // a second instance: its own sender on the same database, polling faster, in smaller batches
        ListenBrainzSettings settings = new ListenBrainzSettings(URI.create(listenBrainz.url()), Duration.ofSeconds(3),
                Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(2), 3);
        ListenBrainzForwarder other = new ListenBrainzForwarder(server.bean(DatabaseClient.class),
                new ListenBrainzClient(settings), new TokenSeal(server.bean(SecretBox.class)::seal,
                server.bean(SecretBox.class)::open),
                new ListenBrainzForwarder.Settings(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(2), 3,
                        Duration.ofSeconds(3)), Clock.systemUTC());
        Disposable sending = other.start();
        try {
            listenBrainz.recover();

            await("every listen is sent", Duration.ofSeconds(20), () -> friend.arrived().size() >= 20);
            Thread.sleep(1000); // more rounds of both senders: nothing is sent twice
        } finally {
            sending.dispose();
        }
        assertThat(friend.arrived()).extracting(listen -> listen.path("listened_at").asLong())
                .containsExactlyElementsOf(IntStream.range(0, 20)
                        .mapToObj(i -> first.plusSeconds(3600L * i).getEpochSecond()).toList());
    }

    @Test
    void aDeletedAccountsTokenGoesWithIt() {
        Friend friend = connectedFriend();
        String id = server.bean(DatabaseClient.class).sql("SELECT id FROM account WHERE username = :n")
                .bind("n", friend.name()).map(row -> row.get("id", String.class)).one().block();

        assertThat(server.owner().delete("/api/users/" + friend.name()).status()).isEqualTo(204);

        await("the stored token is deleted", Duration.ofSeconds(5), () -> server.bean(DatabaseClient.class)
                .sql("SELECT COUNT(*) AS n FROM listenbrainz_connection WHERE user_id = :u").bind("u", id)
                .map(row -> row.get("n", Long.class)).one().block() == 0);
    }

    @Test
    void disconnectingForgetsTheTokenAndTheQueue() {
        Friend friend = connectedFriend();
        listenBrainz.failWith(503, Map.of());
        friend.scrobble(true, Instant.now().minusSeconds(1200));
        await("queued", Duration.ofSeconds(5), () -> friend.link().<Integer>json("$.queued") == 1);

        assertThat(friend.web().delete("/api/me/listenbrainz").status()).isEqualTo(204);

        Visitor.Reply link = friend.link();
        assertThat(link.<Boolean>json("$.connected")).isFalse();
        assertThat(link.<Integer>json("$.queued")).isZero();
        listenBrainz.recover();
        assertProblem(server.visitor().get("/api/me/listenbrainz"), 401);
    }
}
