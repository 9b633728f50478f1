package dev.minstrel.compat;

import dev.minstrel.ingest.fake.FakeTools;
import dev.minstrel.library.fixtures.AudioFixtures;
import dev.minstrel.library.fixtures.LibraryGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged jar behind one proxy, as {@code docs/scale-out.md} sets them up:
 * one PostgreSQL database, one Redis key prefix, one music folder, the secret key copied from the
 * first to the second. Runs only on PostgreSQL + Redis ({@code -Pservices}); fails without them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    private static final Pattern SCANS = Pattern.compile("this instance \\((\\S+)\\) now scans and watches the music folder");
    private static final String TRACK_LINK = "https://open.spotify.com/track/6rqhFgbbKwnb9MLmUQDhG6";
    private static final String LANDED_TITLE = "Song 6rqhFg";
    private static final String WATCHED_LINK = "https://open.spotify.com/playlist/0aawyAB9vmqN3uQ7FjRGTy";
    /** Within this a change made on one instance shows on the other (it checks every 2 s). */
    private static final Duration SOON = Duration.ofSeconds(15);

    static Path dir;
    static Path music;
    static PackagedServer one;
    static PackagedServer two;

    @BeforeAll
    static void start() throws IOException {
        assertThat(SharedServices.enabled()).as("runs on PostgreSQL + Redis: mvn verify -Pservices").isTrue();
        dir = Files.createTempDirectory("minstrel-scale-out-");
        music = dir.resolve("music");
        LibraryGenerator.generate(music, 12, 20261203L);
        FakeTools fakes = new FakeTools(dir).env("FAKE_SPOTDL_RECORD", dir.resolve("spotdl-runs.jsonl").toString())
                .install(true, true);
        Map<String, String> shared = new HashMap<>(SharedServices.fresh());
        shared.put("MINSTREL_INGEST_WATCH_TICK", "1s");
        shared.put("PATH", fakes.searchPath());
        shared.put("MINSTREL_LIBRARY_SCAN_INTERVAL", "0");
        shared.put("MINSTREL_INGEST_RETRY_BACKOFF", "1s");
        shared.put("MINSTREL_SECURITY_THROTTLE_ADDRESS_FAILURES", "4");
        shared.put("MINSTREL_SECURITY_THROTTLE_SLOWDOWN", "0s");
        one = PackagedServer.start(music, dir.resolve("data-one"), with(shared, "MINSTREL_INGEST_NODE", "one"));
        // the second instance opens the sealed passwords with the first one's key
        Files.createDirectories(dir.resolve("data-two"));
        Files.copy(dir.resolve("data-one/secret.key"), dir.resolve("data-two/secret.key"));
        two = PackagedServer.start(music, dir.resolve("data-two"), with(shared, "MINSTREL_INGEST_NODE", "two"));
        LibraryServer.awaitScan(SubsonicClient.owner(one, "scale-out"), Duration.ofSeconds(60));
        LibraryServer.awaitScan(SubsonicClient.owner(two, "scale-out"), Duration.ofSeconds(60));
    }

    private static Map<String, String> with(Map<String, String> settings, String name, String value) {
        Map<String, String> all = new HashMap<>(settings);
        all.put(name, value);
        return all;
    }

    @AfterAll
    static void stop() {
        for (PackagedServer server : new PackagedServer[]{one, two}) {
            if (server != null) {
                server.close();
            }
        }
        if (dir != null) {
            TempFolder.delete(dir);
        }
    }

    private static boolean syncsWatches(PackagedServer server) {
        return server.log().contains("now syncs the watched playlists");
    }

    private static boolean scans(PackagedServer server) {
        return SCANS.matcher(server.log()).find();
    }

    private static <T> T await(String what, Supplier<T> value, Predicate<T> done) {
        long deadline = System.nanoTime() + SOON.toNanos() * 3;
        T last = value.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + SOON.multipliedBy(3) + ": " + what + " (last: " + last + ")");
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = value.get();
        }
        return last;
    }

    private static JsonNode song(PackagedServer server, String title) {
        JsonNode songs = SubsonicClient.owner(server, "scale-out").json("search3", "query", title, "artistCount", "0",
                "albumCount", "0").path("searchResult3").path("song");
        for (JsonNode song : songs) {
            if (song.path("title").asString().equals(title)) {
                return song;
            }
        }
        return null;
    }

    private static void addToMusicFolder(String title) throws IOException {
        // written beside the folder and moved in whole, as a download or a copy would land
        Path made = dir.resolve(title + ".mp3");
        AudioFixtures.mp3(made).title(title).artist("Scale Out").albumArtist("Scale Out").album("Shared Folder")
                .track(1, 1).seconds(5).write();
        Path target = music.resolve("Scale Out/Shared Folder/" + title + ".mp3");
        Files.createDirectories(target.getParent());
        Files.move(made, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    @Order(1)
    void exactlyOneInstanceScansAndWatchesTheFolder() {
        assertThat(List.of(scans(one), scans(two))).containsExactlyInAnyOrder(true, false);
    }

    @Test
    @Order(2)
    void aFileTheScannerFindsCanBeSearchedAndStreamedOnTheOther() throws IOException {
        PackagedServer other = scans(one) ? two : one;
        addToMusicFolder("Quokka Arrival");

        JsonNode song = await("the other instance finds the new file", () -> song(other, "Quokka Arrival"),
                found -> found != null);
        HttpResponse<byte[]> stream = SubsonicClient.owner(other, "scale-out").getBytes(
                SubsonicClient.owner(other, "scale-out").request("stream", "json", "id", song.path("id").asString()));

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat((long) stream.body().length).isEqualTo(song.path("size").asLong());
    }

    @Test
    @Order(3)
    void aDownloadAskedForOnOneInstanceIsSearchedAndStreamedOnTheOther() {
        WebVisitor owner = WebVisitor.owner(two, "192.0.2.31");
        WebVisitor.Reply submitted = owner.post("/api/ingest", Map.of("url", TRACK_LINK));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String job = submitted.json().path("id").asString();

        WebVisitor onOne = WebVisitor.owner(one, "192.0.2.32");
        await("the job, seen from the first instance, succeeds", () -> onOne.get("/api/ingest/" + job).json()
                .path("state").asString(), state -> state.equals("succeeded"));
        JsonNode song = await("the first instance finds the download", () -> song(one, LANDED_TITLE), found -> found != null);
        HttpResponse<byte[]> stream = SubsonicClient.owner(one, "scale-out").getBytes(
                SubsonicClient.owner(one, "scale-out").request("stream", "json", "id", song.path("id").asString()));

        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.body().length).isPositive();
        await("and the instance that was asked finds it", () -> song(two, LANDED_TITLE), found -> found != null);
    }

    @Test
    @Order(4)
    void aPlaylistMadeAndAStarGivenOnOneShowOnTheOther() {
        String track = song(one, LANDED_TITLE).path("id").asString();
        // the other has already cached the owner's stars
        assertThat(SubsonicClient.owner(two, "scale-out").json("getStarred2").path("starred2").path("song").isEmpty())
                .isTrue();
        SubsonicClient.ok("createPlaylist", SubsonicClient.owner(one, "scale-out").get("createPlaylist", "json",
                "name", "Made on one", "songId", track));
        SubsonicClient.ok("star", SubsonicClient.owner(one, "scale-out").get("star", "json", "id", track));

        JsonNode playlists = SubsonicClient.owner(two, "scale-out").json("getPlaylists").path("playlists").path("playlist");

        assertThat(playlists.findValuesAsString("name")).contains("Made on one");
        await("the star shows on the other", () -> SubsonicClient.owner(two, "scale-out").json("getStarred2")
                .path("starred2").path("song").findValuesAsString("id"), ids -> ids.contains(track));
    }

    @Test
    @Order(5)
    void aWatchedPlaylistIsSyncedByOneInstanceOnlyAndItsMirrorShowsOnBoth() throws IOException {
        assertThat(List.of(syncsWatches(one), syncsWatches(two))).containsExactlyInAnyOrder(true, false);
        PackagedServer syncing = syncsWatches(one) ? one : two;
        PackagedServer other = syncing == one ? two : one;
        WebVisitor owner = WebVisitor.owner(other, "192.0.2.33");
        WebVisitor.Reply added = owner.post("/api/watches", Map.of("url", WATCHED_LINK));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        String watch = added.json().path("id").asString();
        String playlist = added.json().path("playlistId").asString();
        WebVisitor onSyncing = WebVisitor.owner(syncing, "192.0.2.34");
        await("the watch, seen from the instance that syncs, is in sync", () -> onSyncing.get("/api/watches/" + watch).json(),
                w -> w.path("state").asString().equals("watching") && w.path("trackCount").asInt() == 3);
        for (int i = 0; i < 3; i++) { // asked on both at once: still one sync at a time, on one instance
            owner.post("/api/watches/" + watch + "/check", Map.of());
            onSyncing.post("/api/watches/" + watch + "/check", Map.of());
        }
        await("the checks end", () -> owner.get("/api/watches/" + watch).json(),
                w -> w.path("state").asString().equals("watching") && Duration.between(
                        Instant.parse(w.path("lastChecked").asString()), Instant.parse(w.path("nextCheck").asString()))
                        .equals(Duration.ofHours(24)));

        List<String> reads = Files.readAllLines(dir.resolve("spotdl-runs.jsonl")).stream()
                .filter(run -> run.contains("\"save\"")).toList();
        assertThat(reads).as("every read of the playlist ran on the instance holding the lease").isNotEmpty()
                .allSatisfy(run -> assertThat(run).contains(syncing == one ? "/data-one/" : "/data-two/"));
        // its songs show there once that instance's catalogue has them (it checks every 2 s)
        await("the mirror, read on the other instance, has the playlist's songs", () -> SubsonicClient.owner(other,
                "scale-out").json("getPlaylist", "id", playlist).path("playlist").path("entry").size(), n -> n == 3);
    }

    @Test
    @Order(6)
    void failedLoginsCountedByOneInstanceBlockTheAddressOnTheOther() {
        String attacker = "192.0.2.66";
        for (int i = 0; i < 4; i++) {
            assertThat(new WebVisitor(one, attacker).post("/api/auth/login",
                    Map.of("username", "owner", "password", "wrong-" + i)).status()).isEqualTo(401);
        }

        WebVisitor.Reply elsewhere = new WebVisitor(two, attacker).post("/api/auth/login",
                Map.of("username", PackagedServer.OWNER, "password", PackagedServer.OWNER_PASSWORD));

        assertThat(elsewhere.status()).isEqualTo(429);
    }

    @Test
    @Order(7)
    void whenTheScannerDiesTheOtherTakesOverTheFolder() throws IOException {
        PackagedServer scanner = scans(one) ? one : two;
        PackagedServer survivor = scanner == one ? two : one;
        // the file arrives as the scanner dies, before its watcher's 2 s of quiet have passed
        addToMusicFolder("Zephyr Takeover");
        scanner.kill();

        survivor.awaitLog(SCANS, SOON.multipliedBy(3));

        try {
            await("the survivor scans the new file", () -> song(survivor, "Zephyr Takeover"), found -> found != null);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nthe survivor's log:\n" + survivor.log(), e);
        }
    }
}
