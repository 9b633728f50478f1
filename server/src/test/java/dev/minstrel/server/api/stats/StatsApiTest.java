package dev.minstrel.server.api.stats;

import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.MutableClock;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.fixtures.AudioFixtures;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.api.ApiTestServer;
import dev.minstrel.server.api.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The /api/stats routes of the real server over HTTP: the owner and a friend, alice, signed in
 * with their passwords, one song in the library and one listen of it by alice an hour ago.
 */
class StatsApiTest {

    /** a Friday noon in the server's zone (UTC) */
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private static final Instant LAST_YEAR = Instant.parse("2025-06-01T12:00:00Z");

    @TempDir
    static Path dir;
    static ApiTestServer server;
    static Visitor owner;
    static Visitor alice;
    static String songId;

    @BeforeAll
    static void start() throws InterruptedException {
        AudioFixtures.mp3(dir.resolve("music/Band/Record/1 Song.mp3")).title("Song").artist("Band").album("Record")
                .albumArtist("Band").track(1).genres("Rock").seconds(200).compact().write();
        server = new ApiTestServer(dir, new MutableClock(NOW, ZoneOffset.UTC), "--minstrel.analytics.time-zone=UTC");
        songId = awaitSong(server.bean(MusicLibrary.class));
        owner = server.owner();
        alice = server.friend("alice", "alices-password-1");
        String aliceId = server.bean(Accounts.class).byUsername("alice").block().id();
        server.bean(Analytics.class).recorder().submission(aliceId, songId, "DSub", NOW.minusSeconds(3600), NOW).block();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String awaitSong(MusicLibrary library) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (library.catalogue().tracks().stream().noneMatch(t -> "Song".equals(t.title()))) {
            assertThat(System.nanoTime()).as("the first scan ends within a minute").isLessThan(deadline);
            Thread.sleep(100);
        }
        return library.catalogue().tracks().stream().filter(t -> "Song".equals(t.title())).findFirst().orElseThrow().id();
    }

    private static void assertProblem(Visitor.Reply reply, int status, String instance) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.<Integer>json("$.status")).isEqualTo(status);
        assertThat(reply.<String>json("$.type")).isEqualTo("about:blank");
        assertThat(reply.<String>json("$.instance")).isEqualTo(instance);
    }

    @Test
    void aListenerSeesTheirOwnStatsWithTheFieldsScriptsRelyOn() {
        Visitor.Reply reply = alice.get("/api/stats/me?period=week");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(reply.<Integer>json("$.listens")).isEqualTo(1);
        assertThat(reply.<Integer>json("$.minutesListened")).isEqualTo(3);
        assertThat(reply.<String>json("$.topTracks[0].id")).isEqualTo(songId);
        assertThat(reply.<String>json("$.topTracks[0].title")).isEqualTo("Song");
        assertThat(reply.<String>json("$.topTracks[0].artist")).isEqualTo("Band");
        assertThat(reply.<Integer>json("$.topTracks[0].listens")).isEqualTo(1);
        assertThat(reply.<String>json("$.topArtists[0].name")).isEqualTo("Band");
        assertThat(reply.<Integer>json("$.topArtists[0].listens")).isEqualTo(1);
        assertThat(reply.<Integer>json("$.currentStreak")).isEqualTo(1);
        assertThat(reply.<Integer>json("$.longestStreak")).isEqualTo(1);
        assertThat(reply.<List<?>>json("$.personas")).isEmpty();
        assertThat(reply.<List<?>>json("$.heatMap")).hasSize(7);
        assertThat(reply.<String>json("$.period")).isEqualTo("week");
    }

    @Test
    void theOwnerSeesAnyUserAndTheServer() {
        Visitor.Reply user = owner.get("/api/stats/users/alice");
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.<Integer>json("$.listens")).isEqualTo(1);
        assertThat(user.<String>json("$.username")).isEqualTo("alice");

        Visitor.Reply everyone = owner.get("/api/stats/server?period=year");
        assertThat(everyone.status()).isEqualTo(200);
        assertThat(everyone.<Integer>json("$.listens")).isEqualTo(1);
        assertThat(everyone.<String>json("$.scope")).isEqualTo("server");

        assertThat(alice.get("/api/stats/users/alice").status()).isEqualTo(200);
    }

    @Test
    void errorsAreProblemDetails() {
        Visitor.Reply anonymous = server.visitor().get("/api/stats/me");
        assertProblem(anonymous, 401, "/api/stats/me");
        assertThat(anonymous.<String>json("$.title")).isEqualTo("Unauthorized");

        Visitor.Reply decade = alice.get("/api/stats/me?period=decade");
        assertProblem(decade, 400, "/api/stats/me");
        assertThat(decade.<String>json("$.detail")).isEqualTo("period must be week, month, year or all, not 'decade'.");

        assertProblem(alice.get("/api/stats/server"), 403, "/api/stats/server");
        Visitor.Reply other = alice.get("/api/stats/users/owner");
        assertProblem(other, 403, "/api/stats/users/owner");
        assertThat(other.<String>json("$.detail")).isEqualTo("Only the owner can see other listeners' stats.");
        Visitor.Reply nobody = owner.get("/api/stats/users/nobody");
        assertProblem(nobody, 404, "/api/stats/users/nobody");
        assertThat(nobody.<String>json("$.detail")).isEqualTo("There is no user named 'nobody'.");
    }

    @Test
    void aListenerSetsTheirTimeZone() {
        Visitor bob = server.friend("bob", "bobs-password-1");
        Visitor.Reply initial = bob.get("/api/stats/profile");
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.<String>json("$.timeZone")).as("the server's zone until they set one").isEqualTo("UTC");

        Visitor.Reply set = bob.send(HttpMethod.PUT, "/api/stats/profile", Map.of("timeZone", "Europe/Paris"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.<String>json("$.timeZone")).isEqualTo("Europe/Paris");
        assertThat(bob.get("/api/stats/me").<String>json("$.timeZone")).isEqualTo("Europe/Paris");

        Visitor.Reply unknown = bob.send(HttpMethod.PUT, "/api/stats/profile", Map.of("timeZone", "Mars/Olympus"));
        assertProblem(unknown, 400, "/api/stats/profile");
        assertThat(unknown.<String>json("$.detail")).contains("IANA time zone");
        assertProblem(bob.send(HttpMethod.PUT, "/api/stats/profile", "not json"), 400, "/api/stats/profile");
        assertProblem(bob.send(HttpMethod.PUT, "/api/stats/profile", null), 400, "/api/stats/profile");
    }

    @Test
    void aListenerChoosesWhatFriendsSeeAndWhetherPlaylistsAreMade() {
        Visitor carol = server.friend("carol", "carols-password-1");
        Visitor.Reply initial = carol.get("/api/stats/settings");
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.<Boolean>json("$.madePlaylists")).isTrue();
        assertThat(initial.<String>json("$.friendsSee")).as("friends see nothing until she chooses").isEqualTo("nothing");

        Visitor.Reply shared = carol.send(HttpMethod.PUT, "/api/stats/settings", Map.of("friendsSee", "top-lists"));
        assertThat(shared.status()).isEqualTo(200);
        assertThat(shared.<String>json("$.friendsSee")).isEqualTo("top-lists");
        assertThat(shared.<Boolean>json("$.madePlaylists")).as("left as it was").isTrue();

        Visitor.Reply off = carol.send(HttpMethod.PUT, "/api/stats/settings", Map.of("madePlaylists", false));
        assertThat(off.<Boolean>json("$.madePlaylists")).isFalse();
        assertThat(carol.get("/api/stats/settings").<String>json("$.friendsSee")).isEqualTo("top-lists");

        Visitor.Reply wrong = carol.send(HttpMethod.PUT, "/api/stats/settings", Map.of("friendsSee", "the world"));
        assertProblem(wrong, 400, "/api/stats/settings");
        assertThat(wrong.<String>json("$.detail")).isEqualTo("friendsSee must be nothing, top-lists or everything, not 'the world'.");
        assertProblem(carol.send(HttpMethod.PUT, "/api/stats/settings", Map.of()), 400, "/api/stats/settings");
        assertProblem(carol.send(HttpMethod.PUT, "/api/stats/settings", "not json"), 400, "/api/stats/settings");
        assertProblem(server.visitor().get("/api/stats/settings"), 401, "/api/stats/settings");
    }

    @Test
    void theCircleShowsAFriendOnlyOnceTheyShare() {
        Visitor.Reply before = owner.get("/api/stats/circle");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.<String>json("$.period")).isEqualTo("week");
        assertThat(before.<List<?>>json("$.byListens")).as("alice shares nothing yet").isEmpty();

        assertThat(alice.send(HttpMethod.PUT, "/api/stats/settings", Map.of("friendsSee", "top-lists")).status())
                .isEqualTo(200);

        Visitor.Reply after = owner.get("/api/stats/circle?period=year");
        assertThat(after.<String>json("$.byListens[0].username")).isEqualTo("alice");
        assertThat(after.<Integer>json("$.byListens[0].listens")).isEqualTo(1);
        assertThat(after.<Integer>json("$.byTime[0].minutes")).isEqualTo(3);
        assertThat(after.<Integer>json("$.byListens[0].currentStreak")).as("her own streak: she listened today").isEqualTo(1);
        assertThat(after.<Integer>json("$.currentStreak")).isEqualTo(1);
        assertThat(after.<List<?>>json("$.listeningNow")).isEmpty();
        assertThat(after.<List<?>>json("$.awards")).isEmpty();

        assertProblem(owner.get("/api/stats/circle?period=decade"), 400, "/api/stats/circle");
        assertProblem(server.visitor().get("/api/stats/circle"), 401, "/api/stats/circle");
    }

    @Test
    void aListenerTakesTheirListensAwayInListenBrainzFormat() {
        Visitor.Reply export = alice.get("/api/me/listens/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(export.headers().getContentDisposition().getFilename()).isEqualTo("listens-alice.json");
        assertThat(export.<List<?>>json("$")).hasSize(1);
        assertThat(export.<Integer>json("$[0].listened_at")).isEqualTo((int) NOW.minusSeconds(3600).getEpochSecond());
        assertThat(export.<String>json("$[0].track_metadata.artist_name")).isEqualTo("Band");
        assertThat(export.<String>json("$[0].track_metadata.track_name")).isEqualTo("Song");
        assertThat(export.<String>json("$[0].track_metadata.release_name")).isEqualTo("Record");
        assertThat(export.<Integer>json("$[0].track_metadata.additional_info.duration_ms")).isPositive();
        assertThat(export.<String>json("$[0].track_metadata.additional_info.media_player")).isEqualTo("DSub");
        assertThat(export.<String>json("$[0].track_metadata.additional_info.submission_client")).isEqualTo("Minstrel");

        assertThat(owner.get("/api/me/listens/export").<List<?>>json("$")).as("the owner listened to nothing").isEmpty();
        assertProblem(server.visitor().get("/api/me/listens/export"), 401, "/api/me/listens/export");
    }

    @Test
    void aListenerReadsTheRecapOfAYearOrAMonth() {
        Visitor.Reply year = alice.get("/api/stats/recap?period=2026");
        assertThat(year.status()).isEqualTo(200);
        assertThat(year.<Integer>json("$.listens")).isEqualTo(1);
        assertThat(year.<Boolean>json("$.soFar")).isTrue();
        assertThat(year.<String>json("$.busiestDay.day")).isEqualTo("2026-11-20");
        assertThat(year.<Integer>json("$.busiestHour")).isEqualTo(11);
        assertThat(year.<String>json("$.busiestWeekday")).isEqualTo("Friday");
        assertThat(year.<String>json("$.firstListen.title")).isEqualTo("Song");
        assertThat(year.<Integer>json("$.newArtistCount")).isEqualTo(1);
        assertThat(year.<String>json("$.newArtists[0].name")).isEqualTo("Band");

        assertThat(alice.get("/api/stats/recap?period=2026-10").<Integer>json("$.listens")).isZero();
        Visitor.Reply wrong = alice.get("/api/stats/recap?period=last-year");
        assertProblem(wrong, 400, "/api/stats/recap");
        assertThat(wrong.<String>json("$.detail")).isEqualTo(
                "period must be a year such as 2026 or a month such as 2026-03, not 'last-year'.");
        assertProblem(alice.get("/api/stats/recap"), 400, "/api/stats/recap");
        assertProblem(server.visitor().get("/api/stats/recap?period=2026"), 401, "/api/stats/recap");
    }

    @Test
    void aListenerComparesTasteOnlyWithSomeoneWhoShares() {
        Visitor dave = server.friend("dave", "daves-password-1");
        Visitor erin = server.friend("erin", "erins-password-1");
        for (String name : List.of("dave", "erin")) {
            String id = server.bean(Accounts.class).byUsername(name).block().id();
            // last year: this year's figures the other tests read stay alice's alone
            server.bean(Analytics.class).recorder().submission(id, songId, "DSub", LAST_YEAR, NOW).block();
        }

        Visitor.Reply hidden = dave.get("/api/stats/overlap?with=erin");
        assertProblem(hidden, 404, "/api/stats/overlap");
        assertThat(hidden.<String>json("$.detail")).as("the same answer as for nobody: it tells no one erin exists")
                .isEqualTo("There is nobody named 'erin' in your circle (or they do not let friends see their listening).");
        assertProblem(dave.get("/api/stats/overlap?with=zoe"), 404, "/api/stats/overlap");

        assertThat(erin.send(HttpMethod.PUT, "/api/stats/settings", Map.of("friendsSee", "top-lists")).status())
                .isEqualTo(200);
        Visitor.Reply overlap = dave.get("/api/stats/overlap?with=erin&period=all");
        assertThat(overlap.status()).isEqualTo(200);
        assertThat(overlap.<String>json("$.username")).isEqualTo("erin");
        assertThat(overlap.<String>json("$.period")).isEqualTo("all");
        assertThat(overlap.<Integer>json("$.score")).as("both played the one song").isEqualTo(100);
        assertThat(overlap.<String>json("$.sharedTracks[0].title")).isEqualTo("Song");
        assertThat(overlap.<Integer>json("$.sharedTracks[0].yourListens")).isEqualTo(1);
        assertThat(overlap.<Integer>json("$.sharedTracks[0].theirListens")).isEqualTo(1);
        assertThat(overlap.<String>json("$.sharedArtists[0].name")).isEqualTo("Band");

        Visitor.Reply ownersView = owner.get("/api/stats/overlap?with=dave");
        assertThat(ownersView.status()).as("the owner sees everyone's stats, dave's too").isEqualTo(200);
        assertThat(ownersView.<Integer>json("$.score")).as("the owner listened to nothing").isZero();

        assertProblem(dave.get("/api/stats/overlap"), 400, "/api/stats/overlap");
        assertProblem(dave.get("/api/stats/overlap?with=Dave"), 400, "/api/stats/overlap");
        assertProblem(dave.get("/api/stats/overlap?with=erin&period=decade"), 400, "/api/stats/overlap");
        assertProblem(server.visitor().get("/api/stats/overlap?with=erin"), 401, "/api/stats/overlap");
    }

    @Test
    void aListenerDownloadsTheirRecapAsAPngCard() throws Exception {
        HttpResponse<byte[]> card = fetch(alice, "/api/stats/recap.png?period=2026", null);

        assertThat(card.statusCode()).isEqualTo(200);
        assertThat(card.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(card.headers().firstValue("Cache-Control")).hasValue("max-age=60, private");
        assertThat(card.headers().firstValue("Content-Disposition").orElseThrow()).contains("recap-alice-2026.png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(card.body()));
        assertThat(image.getWidth()).isEqualTo(1080);
        assertThat(image.getHeight()).isEqualTo(1350);
        String etag = card.headers().firstValue("ETag").orElseThrow();
        assertThat(fetch(alice, "/api/stats/recap.png?period=2026", etag).statusCode())
                .as("the browser's copy is still right").isEqualTo(304);

        assertProblem(alice.get("/api/stats/recap.png?period=someday"), 400, "/api/stats/recap.png");
        assertProblem(server.visitor().get("/api/stats/recap.png?period=2026"), 401, "/api/stats/recap.png");
    }

    /** The card's bytes as they are (a {@link Visitor} reads every body as text). */
    private static HttpResponse<byte[]> fetch(Visitor visitor, String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port + path))
                .header("Cookie", String.join("; ", visitor.cookies().entrySet().stream()
                        .map(c -> c.getKey() + "=" + c.getValue()).toList()));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
