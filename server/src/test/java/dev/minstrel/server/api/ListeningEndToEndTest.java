package dev.minstrel.server.api;

import dev.minstrel.analytics.MutableClock;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.fixtures.AudioFixtures;
import dev.minstrel.library.fixtures.LibraryGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listening end to end: a real server over a generated music folder plus a few tracks of known
 * lengths, scrobbles sent over HTTP to /rest/scrobble while the test moves the server's clock, and
 * what the Subsonic calls and /api/stats then show. The steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ListeningEndToEndTest {

    /** a Monday, 10:00 in the server's zone (UTC) */
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant OFFLINE = T0.minus(Duration.ofDays(3));
    private static final String FRIEND = "fern";
    private static final String FRIEND_PASSWORD = "fern-password-1";

    @TempDir
    static Path dir;
    static MutableClock clock;
    static ApiTestServer server;
    static Visitor owner;
    static Visitor friend;
    static String longOne;
    static String longTwo;
    static String shortOne;
    static String other;
    static String offline;
    static String streamed;

    @BeforeAll
    static void start() throws Exception {
        Path music = dir.resolve("music");
        LibraryGenerator.generate(music.resolve("generated"), 30, 7);
        track(music, "Zed Alpha", "Zed First", 1, "Zed Long One", 200);
        track(music, "Zed Alpha", "Zed First", 2, "Zed Long Two", 180);
        track(music, "Zed Alpha", "Zed First", 3, "Zed Short", 20);
        track(music, "Zed Beta", "Zed Second", 1, "Zed Other", 240);
        track(music, "Zed Beta", "Zed Third", 1, "Zed Offline", 200);
        track(music, "Zed Beta", "Zed Third", 2, "Zed Streamed", 150);
        clock = new MutableClock(T0, ZoneOffset.UTC);
        server = new ApiTestServer(dir, clock, "--minstrel.analytics.time-zone=UTC");
        waitForScan(server.bean(MusicLibrary.class), 6);
        owner = server.owner();
        friend = server.friend(FRIEND, FRIEND_PASSWORD);
        longOne = songId("Zed Long One");
        longTwo = songId("Zed Long Two");
        shortOne = songId("Zed Short");
        other = songId("Zed Other");
        offline = songId("Zed Offline");
        streamed = songId("Zed Streamed");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void track(Path music, String artist, String album, int number, String title, int seconds) {
        AudioFixtures.mp3(music.resolve(artist + "/" + album + "/" + number + " " + title + ".mp3"))
                .title(title).artist(artist).album(album).albumArtist(artist).track(number).genres("Rock")
                .seconds(seconds).compact().write();
    }

    private static void waitForScan(MusicLibrary library, int fixtureTracks) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (library.scanStatus().scanning() || library.catalogue().tracks().stream()
                .filter(t -> t.title() != null && t.title().startsWith("Zed ")).count() < fixtureTracks) {
            assertThat(System.nanoTime()).as("the first scan ends within a minute").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String songId(String title) {
        return server.bean(MusicLibrary.class).catalogue().tracks().stream()
                .filter(t -> title.equals(t.title())).findFirst().orElseThrow().id();
    }

    // ---- Subsonic calls as the apps make them

    /** Query values go through the client's URI template, which encodes them: write them plain. */
    private static String rest(String user, String password, String client, String method, String query) {
        Visitor.Reply reply = server.visitor().get("/rest/" + method + "?u=" + user + "&p=" + password
                + "&v=1.16.1&c=" + client + "&f=json" + (query.isEmpty() ? "" : "&" + query));
        assertThat(reply.status()).as(method).isEqualTo(200);
        return reply.body();
    }

    private static String asOwner(String method, String query) {
        return rest(ApiTestServer.OWNER, ApiTestServer.OWNER_PASSWORD, "Symfonium", method, query);
    }

    private static String asFriend(String method, String query) {
        return rest(FRIEND, FRIEND_PASSWORD, "DSub", method, query);
    }

    /** The server's clock is at {@code T0 + seconds} when the now-playing report arrives. */
    private static void nowPlaying(int atSecond, String trackId) {
        clock.set(T0.plusSeconds(atSecond));
        assertThat(asOwner("scrobble", "id=" + trackId + "&submission=false")).contains("\"status\":\"ok\"");
    }

    private static void submission(int atSecond, String trackId, long time) {
        clock.set(T0.plusSeconds(atSecond));
        assertThat(asOwner("scrobble", "id=" + trackId + "&submission=true&time=" + time)).contains("\"status\":\"ok\"");
    }

    private static long playCount(String trackId) {
        return ((Number) Visitor.Reply.read(asOwner("getSong", "id=" + trackId), "$.subsonic-response.song.playCount"))
                .longValue();
    }

    private static int durationOf(String trackId) {
        return Visitor.Reply.read(asOwner("getSong", "id=" + trackId), "$.subsonic-response.song.duration");
    }

    // ---- the steps

    @Test
    @Order(1)
    void streamingThreeTimesIsNoListen() {
        for (int i = 0; i < 3; i++) {
            assertThat(server.visitor().get("/rest/stream?u=" + FRIEND + "&p=" + FRIEND_PASSWORD + "&v=1.16.1&c=DSub&id="
                    + streamed).status()).isEqualTo(200);
        }
        assertThat(asFriend("getSong", "id=" + streamed)).contains("\"playCount\":0");
        assertThat(friend.get("/api/stats/me").<Integer>json("$.listens")).isZero();
    }

    @Test
    @Order(2)
    void aTenSecondSkipIsNoListen() {
        nowPlaying(0, longOne);
        nowPlaying(10, longTwo);

        assertThat(playCount(longOne)).isZero();
    }

    @Test
    @Order(3)
    void aSkipAfterFortyFiveSecondsIsCountedFromTheNextNowPlaying() {
        nowPlaying(55, shortOne);

        assertThat(playCount(longTwo)).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aShortTrackCountsWhenPlayedToItsEnd() {
        nowPlaying(80, other);

        assertThat(playCount(shortOne)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void aSubmissionAfterAnInferredListenIsNotASecondListen() {
        nowPlaying(140, longOne);
        assertThat(playCount(other)).as("60 s of it, inferred").isEqualTo(1);

        submission(145, other, T0.plusSeconds(80).toEpochMilli());

        assertThat(playCount(other)).isEqualTo(1);
    }

    @Test
    @Order(6)
    void anOfflineScrobbleSentTwiceCountsOnceAtItsOwnTimeInSecondsOrMilliseconds() {
        submission(150, offline, OFFLINE.getEpochSecond());
        submission(160, offline, OFFLINE.toEpochMilli());

        String song = asOwner("getSong", "id=" + offline);
        assertThat(song).contains("\"playCount\":1", "\"played\":\"2026-11-20T10:00:00.000Z\"");
    }

    @Test
    @Order(7)
    void songsAndAlbumsShowPlayCountsAndWhenLastPlayed() {
        clock.set(T0.plusSeconds(170));
        String album = asOwner("getAlbum", "id=" + albumOf(longTwo));

        assertThat(Visitor.Reply.<Integer>read(album, "$.subsonic-response.album.playCount")).isEqualTo(2);
        assertThat(Visitor.Reply.<String>read(album, "$.subsonic-response.album.played"))
                .isEqualTo("2026-11-23T10:00:55.000Z");
        assertThat(Visitor.Reply.<List<Integer>>read(album, "$.subsonic-response.album.song[*].playCount"))
                .containsExactly(0, 1, 1);
        assertThat(asOwner("getSong", "id=" + longTwo)).contains("\"played\":\"2026-11-23T10:00:10.000Z\"");
    }

    @Test
    @Order(8)
    void frequentAndRecentAlbumListsFollowTheListens() {
        String first = albumOf(longTwo);
        String second = albumOf(other);
        String third = albumOf(offline);

        assertThat(albumIds("frequent")).containsExactly(first, second, third);
        assertThat(albumIds("recent")).containsExactly(second, first, third);
        assertThat(asFriend("getAlbumList2", "type=frequent")).as("the friend has listened to nothing")
                .contains("\"albumList2\":{}");
    }

    @Test
    @Order(9)
    void topSongsCountEveryonesListens() {
        clock.set(T0.plusSeconds(175));
        assertThat(asFriend("scrobble", "id=" + longTwo + "&time=" + T0.plusSeconds(30).toEpochMilli()))
                .contains("\"status\":\"ok\"");

        String top = asOwner("getTopSongs", "artist=Zed Alpha");

        assertThat(Visitor.Reply.<List<String>>read(top, "$.subsonic-response.topSongs.song[*].id"))
                .containsExactly(longTwo, shortOne);
    }

    @Test
    @Order(10)
    void nowPlayingShowsWhoIsListening() {
        String playing = asFriend("getNowPlaying", "");

        assertThat(Visitor.Reply.<List<Map<String, Object>>>read(playing, "$.subsonic-response.nowPlaying.entry[*]"))
                .singleElement().satisfies(entry -> assertThat(entry)
                        .containsEntry("id", longOne).containsEntry("username", ApiTestServer.OWNER)
                        .containsEntry("playerName", "Symfonium").containsEntry("minutesAgo", 0)
                        .containsKey("playerId"));
    }

    @Test
    @Order(11)
    void myStatsCountTheKnownSequence() {
        Visitor.Reply stats = owner.get("/api/stats/me");

        assertThat(stats.status()).isEqualTo(200);
        int seconds = 45 + Math.min(25, durationOf(shortOne)) + 60 + durationOf(offline);
        assertThat(stats.<Integer>json("$.listens")).isEqualTo(4);
        assertThat(stats.<Integer>json("$.minutesListened")).isEqualTo(seconds / 60);
        assertThat(stats.<Integer>json("$.distinctTracks")).isEqualTo(4);
        assertThat(stats.<Integer>json("$.distinctAlbums")).isEqualTo(3);
        assertThat(stats.<Integer>json("$.distinctArtists")).isEqualTo(2);
        assertThat(stats.<Integer>json("$.listensByHour[10]")).isEqualTo(4);
        assertThat(stats.<List<Integer>>json("$.listensByWeekday")).containsExactly(3, 0, 0, 0, 1, 0, 0);
        assertThat(stats.<List<String>>json("$.topArtists[*].name")).containsExactly("Zed Beta", "Zed Alpha");
        assertThat(stats.<Integer>json("$.currentStreak")).isEqualTo(1);
        assertThat(owner.get("/api/stats/server").<Integer>json("$.listens")).isEqualTo(5);
    }

    @Test
    @Order(12)
    void aFriendSeesOnlyTheirOwnStats() {
        assertThat(friend.get("/api/stats/server").status()).isEqualTo(403);
        assertThat(friend.get("/api/stats/users/" + ApiTestServer.OWNER).status()).isEqualTo(403);
        assertThat(friend.get("/api/stats/users/" + FRIEND).<Integer>json("$.listens")).isEqualTo(1);
        assertThat(server.visitor().get("/api/stats/me").status()).as("nobody signed in").isEqualTo(401);
        assertThat(owner.get("/api/stats/users/" + FRIEND).<Integer>json("$.listens")).isEqualTo(1);
    }

    @Test
    @Order(13)
    void deletingAUserWithTheirHistoryTakesTheirListensOutOfTheServerStats() throws InterruptedException {
        assertThat(owner.delete("/api/users/" + FRIEND + "?deleteHistory=true").status()).isEqualTo(204);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (owner.get("/api/stats/server").<Integer>json("$.listens") != 4) {
            assertThat(System.nanoTime()).as("the history is deleted in the background").isLessThan(deadline);
            Thread.sleep(100);
        }
        String top = asOwner("getTopSongs", "artist=Zed Alpha");
        assertThat(Visitor.Reply.<List<String>>read(top, "$.subsonic-response.topSongs.song[*].id"))
                .containsExactlyInAnyOrder(longTwo, shortOne);
        assertThat(owner.get("/api/stats/me").<Integer>json("$.listens")).isEqualTo(4);
    }

    @Test
    @Order(14)
    void aSubmissionSentSoonAfterNowPlayingIsAPlayForTheAppsAtOnceButNoListenInTheStats() {
        clock.set(T0.plusSeconds(600));
        assertThat(rest(ApiTestServer.OWNER, ApiTestServer.OWNER_PASSWORD, "Amperfy", "scrobble",
                "id=" + streamed + "&submission=false")).contains("\"status\":\"ok\"");
        clock.set(T0.plusSeconds(605));
        assertThat(rest(ApiTestServer.OWNER, ApiTestServer.OWNER_PASSWORD, "Amperfy", "scrobble",
                "id=" + streamed + "&submission=true")).contains("\"status\":\"ok\"");

        assertThat(playCount(streamed)).isEqualTo(1);
        assertThat(albumIds("recent").get(0)).isEqualTo(albumOf(streamed));
        assertThat(albumIds("frequent")).contains(albumOf(streamed));
        assertThat(owner.get("/api/stats/me").<Integer>json("$.listens")).as("5 s is no listen").isEqualTo(4);
    }

    private static String albumOf(String trackId) {
        return server.bean(MusicLibrary.class).catalogue().track(trackId).orElseThrow().albumId();
    }

    private static List<String> albumIds(String type) {
        return Visitor.Reply.read(asOwner("getAlbumList2", "type=" + type), "$.subsonic-response.albumList2.album[*].id");
    }
}
