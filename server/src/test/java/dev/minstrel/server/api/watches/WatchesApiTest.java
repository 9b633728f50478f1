package dev.minstrel.server.api.watches;

import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.server.api.ApiTestServer;
import dev.minstrel.server.api.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watched playlists on the real server: /api/watches over HTTP, the mirror read back through the
 * Subsonic API, the downloads done by the Java fake of spotDL, whose playlists are the Spotify track
 * ids a test writes into a file (and rewrites to change the playlist "at the source"). Checks are
 * an hour apart; a test asks for the next one with {@code POST /api/watches/{id}/check}.
 */
class WatchesApiTest {

    private static final String A = "AaaaaaQ2bD9sL8TQeGVwdM";
    private static final String B = "BbbbbbQ2bD9sL8TQeGVwdM";
    private static final String C = "CcccccQ2bD9sL8TQeGVwdM";
    private static final String D = "DdddddQ2bD9sL8TQeGVwdM";
    // each test has songs of its own: one already in the library would change what its sync downloads
    private static final String E = "EeeeeeQ2bD9sL8TQeGVwdM";
    private static final String F = "FfffffQ2bD9sL8TQeGVwdM";
    private static final String G = "GgggggQ2bD9sL8TQeGVwdM";
    private static final String H = "HhhhhhQ2bD9sL8TQeGVwdM";
    private static final String I = "IiiiiiQ2bD9sL8TQeGVwdM";
    private static final String J = "JjjjjjQ2bD9sL8TQeGVwdM";
    private static final String K = "KkkkkkQ2bD9sL8TQeGVwdM";
    private static final String L = "LlllllQ2bD9sL8TQeGVwdM";

    @TempDir
    static Path dir;
    static ApiTestServer server;
    static Visitor owner;
    static Visitor friend;
    static Visitor listener;

    @BeforeAll
    static void start() {
        server = new ApiTestServer(dir, "--minstrel.ingest.spotdl=" + dir.resolve("bin/spotdl"),
                "--minstrel.ingest.yt-dlp=" + dir.resolve("no-such-tool/yt-dlp"),
                "--minstrel.ingest.disk-reserve=0B", "--minstrel.ingest.max-attempts=1",
                "--minstrel.ingest.watch-interval=1h", "--minstrel.ingest.watch-max-backoff=3h",
                "--minstrel.ingest.watch-tick=200ms");
        owner = server.visitor().bearer(apiKey(server.owner()));
        friend = server.visitor().bearer(apiKey(server.friend("fay", "fays-password-1")));
        listener = server.visitor().bearer(apiKey(server.friend("lee", "lees-password-1")));
        assertThat(owner.patch("/api/users/fay", Map.of("ingest", true)).status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String apiKey(Visitor user) {
        return user.post("/api/me/api-keys", Map.of("name", "tests")).json("$.key");
    }

    /** The fake spotDL's playlists hold these tracks, in this order, from now on. */
    private static void source(String... trackIds) throws IOException {
        Path playlist = dir.resolve("playlist.txt");
        Files.writeString(playlist, String.join("\n", trackIds) + "\n");
        new FakeTools(dir).env("FAKE_SPOTDL_PLAYLIST", playlist.toString()).install(true, false);
    }

    private static String playlistUrl(String id) {
        return "https://open.spotify.com/playlist/" + id;
    }

    private static Visitor.Reply watch(Visitor who, String url) {
        return who.post("/api/watches", Map.of("url", url));
    }

    /** The watch once {@code condition} holds, polled over the API. */
    private static Visitor.Reply await(String id, Predicate<Visitor.Reply> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Visitor.Reply watch = owner.get("/api/watches/" + id);
        while (!condition.test(watch)) {
            assertThat(System.nanoTime()).as("watch %s: %s", id, watch.body()).isLessThan(deadline);
            Thread.sleep(100);
            watch = owner.get("/api/watches/" + id);
        }
        return watch;
    }

    /** Waits for the sync that ends after {@code after} (null: the first). */
    private static Visitor.Reply awaitSync(String id, String after) throws InterruptedException {
        return await(id, w -> !"syncing".equals(w.json("$.state")) && w.json("$.lastChecked") != null
                && !w.json("$.lastChecked").equals(after));
    }

    private static Visitor.Reply rest(String method, String query) {
        return server.visitor().get("/rest/" + method + "?u=" + ApiTestServer.OWNER + "&p=" + ApiTestServer.OWNER_PASSWORD
                + "&v=1.16.1&c=WatchesApiTest&f=json" + (query.isEmpty() ? "" : "&" + query));
    }

    private static List<String> mirrorTitles(String playlistId) {
        return rest("getPlaylist", "id=" + playlistId).json("$['subsonic-response'].playlist.entry[*].title");
    }

    @Test
    void aWatchedPlaylistIsDownloadedAtOnceAndItsMirrorFollowsTheSourceAcrossSyncs() throws Exception {
        source(A, B, C);
        Visitor.Reply added = watch(owner, playlistUrl("37i9dQZF1DXcBWIGoYBM5M"));
        assertThat(added.status()).isEqualTo(201);
        String id = added.json("$.id");
        String playlistId = added.json("$.playlistId");
        assertThat(added.headers().getLocation()).hasToString("/api/watches/" + id);
        for (int i = 0; i < 3; i++) {
            assertThat(owner.post("/api/watches/" + id + "/check", Map.of()).status()).isEqualTo(200);
        }

        Visitor.Reply first = awaitSync(id, null);
        assertThat((String) first.json("$.state")).isEqualTo("watching");
        assertThat((Integer) first.json("$.trackCount")).isEqualTo(3);
        assertThat((String) first.json("$.lastError")).isNull();
        assertThat(Duration.between(Instant.parse(first.json("$.lastChecked")), Instant.parse(first.json("$.nextCheck"))))
                .isEqualTo(Duration.ofHours(1));
        assertThat(mirrorTitles(playlistId)).containsExactly("Song Aaaaaa", "Song Bbbbbb", "Song Cccccc");
        // the first sync downloaded the whole playlist as one job, however often it was asked to check
        List<String> jobs = owner.get("/api/ingest").json("$.jobs[*].url");
        assertThat(jobs).containsExactly(playlistUrl("37i9dQZF1DXcBWIGoYBM5M"));
        String removedSongId = rest("getPlaylist", "id=" + playlistId).json("$['subsonic-response'].playlist.entry[1].id");

        source(C, A, D); // B removed at the source, D added, C moved first
        assertThat(owner.post("/api/watches/" + id + "/check", Map.of()).status()).isEqualTo(200);
        Visitor.Reply second = awaitSync(id, first.json("$.lastChecked"));

        assertThat((Integer) second.json("$.trackCount")).isEqualTo(3);
        assertThat(mirrorTitles(playlistId)).containsExactly("Song Cccccc", "Song Aaaaaa", "Song Dddddd");
        // only the new song was downloaded, on its own; the removed one is still in the library
        List<String> after = owner.get("/api/ingest").json("$.jobs[*].url");
        assertThat(after).containsExactly("https://open.spotify.com/track/" + D, playlistUrl("37i9dQZF1DXcBWIGoYBM5M"));
        assertThat((String) rest("getSong", "id=" + removedSongId).json("$['subsonic-response'].song.title"))
                .isEqualTo("Song Bbbbbb");
    }

    @Test
    void theMirrorIsReadonlyForEveryAppAndRefusesChangesWithError50() throws Exception {
        source(E);
        Visitor.Reply added = watch(owner, playlistUrl("1ReadonlyQ2bD9sL8TQeGV"));
        String id = added.json("$.id");
        String playlistId = added.json("$.playlistId");
        awaitSync(id, null);

        List<Boolean> readonly = rest("getPlaylists", "").json(
                "$['subsonic-response'].playlists.playlist[?(@.id == '" + playlistId + "')].readonly");
        assertThat(readonly).containsExactly(true);
        Visitor.Reply renamed = rest("updatePlaylist", "playlistId=" + playlistId + "&name=mine");
        assertThat((Integer) renamed.json("$['subsonic-response'].error.code")).isEqualTo(50);
        assertThat((String) renamed.json("$['subsonic-response'].error.message"))
                .contains("mirrors " + playlistUrl("1ReadonlyQ2bD9sL8TQeGV"));
        Visitor.Reply deleted = rest("deletePlaylist", "id=" + playlistId);
        assertThat((Integer) deleted.json("$['subsonic-response'].error.code")).isEqualTo(50);
        Visitor.Reply replaced = rest("createPlaylist", "playlistId=" + playlistId + "&name=mine");
        assertThat((Integer) replaced.json("$['subsonic-response'].error.code")).isEqualTo(50);
        assertThat(mirrorTitles(playlistId)).containsExactly("Song Eeeeee");
    }

    @Test
    void removingAWatchKeepsTheSongsAndDeletesTheMirrorOrKeepsItAsAnOrdinaryPlaylist() throws Exception {
        source(F, G);
        String dropped = watch(owner, playlistUrl("2DroppedQ2bD9sL8TQeGVw")).json("$.id");
        Visitor.Reply droppedWatch = awaitSync(dropped, null);
        String droppedPlaylist = droppedWatch.json("$.playlistId");
        String songId = rest("getPlaylist", "id=" + droppedPlaylist).json("$['subsonic-response'].playlist.entry[0].id");

        assertThat(owner.delete("/api/watches/" + dropped).status()).isEqualTo(204);
        assertThat(owner.get("/api/watches/" + dropped).status()).isEqualTo(404);
        assertThat((Integer) rest("getPlaylist", "id=" + droppedPlaylist).json("$['subsonic-response'].error.code"))
                .isEqualTo(70);
        assertThat((String) rest("getSong", "id=" + songId).json("$['subsonic-response'].status")).isEqualTo("ok");

        String kept = watch(owner, playlistUrl("3KeptxxxQ2bD9sL8TQeGVw")).json("$.id");
        String keptPlaylist = awaitSync(kept, null).json("$.playlistId");
        assertThat(owner.delete("/api/watches/" + kept + "?keepPlaylist=maybe").status()).isEqualTo(400);
        assertThat(owner.delete("/api/watches/" + kept + "?keepPlaylist=true").status()).isEqualTo(204);
        assertThat(owner.get("/api/watches/" + kept).status()).isEqualTo(404);

        assertThat(mirrorTitles(keptPlaylist)).containsExactly("Song Ffffff", "Song Gggggg");
        List<Object> readonly = rest("getPlaylists", "").json(
                "$['subsonic-response'].playlists.playlist[?(@.id == '" + keptPlaylist + "')].readonly");
        assertThat(readonly).isEmpty();
        assertThat((String) rest("updatePlaylist", "playlistId=" + keptPlaylist + "&name=Mine%20now&songIndexToRemove=0")
                .json("$['subsonic-response'].status")).isEqualTo("ok");
        assertThat(mirrorTitles(keptPlaylist)).containsExactly("Song Gggggg");
    }

    @Test
    void aFailingWatchSaysWhyAndBacksOffUntilItSyncsAgain() throws Exception {
        new FakeTools(dir).env("FAKE_SPOTDL_SPOTIFY_403", "1").install(true, false);
        String id = watch(owner, playlistUrl("4FailingQ2bD9sL8TQeGVw")).json("$.id");

        Visitor.Reply once = awaitSync(id, null);
        assertThat((String) once.json("$.state")).isEqualTo("failing");
        assertThat((Integer) once.json("$.failures")).isEqualTo(1);
        assertThat((String) once.json("$.lastError")).startsWith("Spotify refused the request (HTTP 403).");
        assertThat(backoff(once)).isEqualTo(Duration.ofHours(2));

        owner.post("/api/watches/" + id + "/check", Map.of());
        Visitor.Reply twice = awaitSync(id, once.json("$.lastChecked"));
        assertThat((Integer) twice.json("$.failures")).isEqualTo(2);
        assertThat(backoff(twice)).as("doubled again, capped at watch-max-backoff").isEqualTo(Duration.ofHours(3));
        assertThat((List<String>) owner.get("/api/watches").json("$.watches[?(@.id == '" + id + "')].lastError"))
                .singleElement().asString().contains("HTTP 403");

        source(H);
        owner.post("/api/watches/" + id + "/check", Map.of());
        Visitor.Reply healed = awaitSync(id, twice.json("$.lastChecked"));
        assertThat((String) healed.json("$.state")).isEqualTo("watching");
        assertThat((Integer) healed.json("$.failures")).isZero();
        assertThat((String) healed.json("$.lastError")).isNull();
        assertThat(backoff(healed)).isEqualTo(Duration.ofHours(1));
        assertThat((Integer) healed.json("$.trackCount")).isEqualTo(1);
    }

    @Test
    void aDeletedAccountsWatchesGoWithItAndTheSongsTheyBroughtStay() throws Exception {
        source(J);
        Visitor wes = server.visitor().bearer(apiKey(server.friend("wes", "wess-password-1")));
        assertThat(owner.patch("/api/users/wes", Map.of("ingest", true)).status()).isEqualTo(200);
        String id = watch(wes, playlistUrl("7DeletedQ2bD9sL8TQeGVw")).json("$.id");
        String playlistId = awaitSync(id, null).json("$.playlistId");
        String songId = rest("getPlaylist", "id=" + playlistId).json("$['subsonic-response'].playlist.entry[0].id");

        assertThat(owner.delete("/api/users/wes").status()).isEqualTo(204);

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (owner.get("/api/watches/" + id).status() != 404) {
            assertThat(System.nanoTime()).as("the watch goes with the account").isLessThan(deadline);
            Thread.sleep(100);
        }
        Thread.sleep(1000); // several ticks: none makes the mirror again for nobody
        assertThat((Integer) rest("getPlaylist", "id=" + playlistId).json("$['subsonic-response'].error.code")).isEqualTo(70);
        assertThat(rest("getPlaylists", "username=wes").body()).doesNotContain(playlistId);
        assertThat((String) rest("getSong", "id=" + songId).json("$['subsonic-response'].song.title")).isEqualTo("Song Jjjjjj");
    }

    @Test
    void aFriendWhoMayNoLongerAddMusicHasTheirWatchesStandStillUntilTheyMayAgain() throws Exception {
        source(K);
        Visitor gus = server.visitor().bearer(apiKey(server.friend("gus", "guss-password-1")));
        assertThat(owner.patch("/api/users/gus", Map.of("ingest", true)).status()).isEqualTo(200);
        String url = playlistUrl("8RevokedQ2bD9sL8TQeGVw");
        String id = watch(gus, url).json("$.id");
        Visitor.Reply first = awaitSync(id, null);
        String playlistId = first.json("$.playlistId");
        assertThat(mirrorTitles(playlistId)).containsExactly("Song Kkkkkk");

        assertThat(owner.patch("/api/users/gus", Map.of("ingest", false)).status()).isEqualTo(200);
        source(K, L);
        owner.post("/api/watches/" + id + "/check", Map.of());
        Visitor.Reply stood = awaitSync(id, first.json("$.lastChecked"));
        assertThat((String) stood.json("$.lastError")).startsWith("Not synced: whoever added this watch may no longer");
        assertThat((String) stood.json("$.state")).as("not a failure: no backoff").isEqualTo("watching");
        assertThat(backoff(stood)).isEqualTo(Duration.ofHours(1));
        assertThat(mirrorTitles(playlistId)).as("the mirror keeps its songs").containsExactly("Song Kkkkkk");
        List<String> jobs = owner.get("/api/ingest").json("$.jobs[*].url");
        assertThat(jobs).doesNotContain("https://open.spotify.com/track/" + L);

        assertThat(owner.patch("/api/users/gus", Map.of("ingest", true)).status()).isEqualTo(200);
        owner.post("/api/watches/" + id + "/check", Map.of());
        Visitor.Reply resumed = awaitSync(id, stood.json("$.lastChecked"));
        assertThat((String) resumed.json("$.lastError")).isNull();
        assertThat(mirrorTitles(playlistId)).containsExactly("Song Kkkkkk", "Song Llllll");
    }

    private static Duration backoff(Visitor.Reply watch) {
        return Duration.between(Instant.parse(watch.json("$.lastChecked")), Instant.parse(watch.json("$.nextCheck")));
    }

    @Test
    void onlyPlaylistsOnceEachAndOnlyForThoseWhoMayAddMusic() throws Exception {
        source(I);
        Visitor.Reply track = watch(owner, "https://open.spotify.com/track/" + I);
        assertThat(track.status()).isEqualTo(400);
        assertThat((String) track.json("$.detail")).startsWith("Only playlists can be watched, and this link is a track.");
        assertThat(watch(owner, "https://soundcloud.com/a/b").status()).isEqualTo(400);
        assertThat(owner.post("/api/watches", Map.of("link", "x")).status()).isEqualTo(400);

        String url = playlistUrl("5SharedxQ2bD9sL8TQeGVw");
        Visitor.Reply mine = watch(friend, url);
        assertThat(mine.status()).isEqualTo(201);
        Visitor.Reply again = watch(owner, url + "?si=abc");
        assertThat(again.status()).isEqualTo(409);
        assertThat((String) again.json("$.detail")).contains("watched already").contains((String) mine.json("$.id"));

        Visitor.Reply refused = watch(listener, playlistUrl("6RefusedQ2bD9sL8TQeGVw"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(listener.get("/api/watches").status()).isEqualTo(403);
        assertThat(owner.get("/api/watches/wp-nosuch").status()).isEqualTo(404);
        assertThat(owner.delete("/api/watches/wp-nosuch").status()).isEqualTo(404);

        // a friend sees their own watches; the owner sees everyone's
        List<String> friends = friend.get("/api/watches").json("$.watches[*].id");
        assertThat(friends).containsExactly((String) mine.json("$.id"));
        List<String> owners = owner.get("/api/watches").json("$.watches[*].id");
        assertThat(owners).contains((String) mine.json("$.id"));
        awaitSync(mine.json("$.id"), null);
    }
}
