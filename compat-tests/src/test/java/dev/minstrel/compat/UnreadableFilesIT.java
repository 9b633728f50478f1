package dev.minstrel.compat;

import dev.minstrel.library.fixtures.AudioFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files the server may not read, as a Pi's owner makes them by copying music in as another user:
 * the packaged server runs as an unprivileged user (through setpriv when the tests run as root,
 * who may read anything), a file's mode is taken away and given back, and a damaged file sits in
 * the folder all along. Streams fail in the envelope, not as 200 and no bytes; a quick rescan
 * notices; the owner sees why; each file is logged once.
 */
class UnreadableFilesIT {

    private static final int NOBODY = 65534;
    /** Held so that the level set on it lasts: java.util.logging keeps loggers only weakly. */
    private static final Logger TAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    static Path root;
    static Path album;
    static PackagedServer server;
    static SubsonicClient owner;

    @BeforeAll
    static void start() throws Exception {
        TAGGER_LOG.setLevel(Level.OFF);
        root = Files.createTempDirectory("minstrel-unreadable-");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        album = root.resolve("music/Quiet Band/Locked Room");
        for (int i = 1; i <= 3; i++) {
            AudioFixtures.mp3(album.resolve("0" + i + " Song " + i + ".mp3")).title("Song " + i).artist("Quiet Band")
                    .albumArtist("Quiet Band").album("Locked Room").track(i).seconds(5).write();
        }
        byte[] whole = Files.readAllBytes(album.resolve("01 Song 1.mp3"));
        Files.write(album.resolve("04 Cut Short.mp3"), Arrays.copyOf(whole, 1000));
        Path data = Files.createDirectories(root.resolve("data"));
        List<String> asNobody = List.of();
        if (isRoot()) {
            Files.setAttribute(data, "unix:uid", NOBODY);
            Files.setAttribute(data, "unix:gid", NOBODY);
            asNobody = List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups");
        }
        server = PackagedServer.start(root.resolve("music"), data, Map.of("MINSTREL_LIBRARY_WATCH", "false",
                "MINSTREL_LIBRARY_SCAN_INTERVAL", "0"), asNobody);
        owner = SubsonicClient.owner(server, "unreadable-files");
        assertThat(LibraryServer.awaitScan(owner, Duration.ofSeconds(60))).isEqualTo(3);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        TempFolder.delete(root);
    }

    /** Root reads any file whatever its mode: the server must then run as someone else. */
    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static String songId(String title) {
        return owner.json("search3", "query", title, "artistCount", "0", "albumCount", "0")
                .path("searchResult3").path("song").get(0).path("id").asString();
    }

    private static HttpResponse<byte[]> stream(String id) {
        return owner.getBytes(owner.request("stream", "xml", "id", id));
    }

    private static JsonNode rescan() throws InterruptedException {
        owner.json("startScan");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode status = owner.json("getScanStatus").path("scanStatus");
        while (status.path("scanning").asBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            status = owner.json("getScanStatus").path("scanStatus");
        }
        return status;
    }

    private static List<String> reasons(JsonNode status) {
        List<String> reasons = new ArrayList<>();
        status.path("unreadable").forEach(file -> reasons.add(file.path("path").asString() + ": "
                + file.path("reason").asString()));
        return reasons;
    }

    private static long logLinesAbout(String fileName) {
        return server.log().lines().filter(line -> line.contains("cannot add") && line.contains(fileName)).count();
    }

    @Test
    void aFileTheServerMayNotReadIsNoticedExplainedAndComesBackWithItsId() throws Exception {
        String id = songId("Song 2");
        Path file = album.resolve("02 Song 2.mp3");
        HttpResponse<byte[]> readable = stream(id);
        assertThat(readable.statusCode()).isEqualTo(200);
        assertThat(readable.body()).isEqualTo(Files.readAllBytes(file));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        HttpResponse<byte[]> refused = stream(id);

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("text/xml"));
        assertThat(new String(refused.body())).contains("status=\"failed\"", "cannot be read");

        JsonNode afterQuickRescan = rescan();
        assertThat(afterQuickRescan.path("unreadableCount").asInt()).isEqualTo(2);
        assertThat(reasons(afterQuickRescan)).anySatisfy(reason -> assertThat(reason)
                .startsWith("Quiet Band/Locked Room/02 Song 2.mp3: ").contains("permission denied"));
        assertThat(owner.json("getSong", "id", id).path("song").path("title").asString())
                .as("the track keeps its place while it cannot be read").isEqualTo("Song 2");

        rescan();
        assertThat(logLinesAbout("02 Song 2.mp3")).as("logged once, not on every scan").isEqualTo(1);

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        JsonNode afterFix = rescan();

        assertThat(afterFix.path("unreadableCount").asInt()).isEqualTo(1);
        assertThat(stream(id).statusCode()).isEqualTo(200);
        assertThat(stream(id).body()).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aFileCutShortIsListedWithItsReasonNotIndexedAsAZeroSecondTrack() throws Exception {
        JsonNode status = owner.json("getScanStatus").path("scanStatus");

        assertThat(reasons(status)).anySatisfy(reason -> assertThat(reason)
                .startsWith("Quiet Band/Locked Room/04 Cut Short.mp3: ").contains("no audio"));
        assertThat(owner.json("search3", "query", "Cut Short").path("searchResult3").path("song").isMissingNode())
                .isTrue();
        assertThat(server.awaitLog(Pattern.compile("cannot add Quiet Band/Locked Room/04 Cut Short\\.mp3"),
                Duration.ofSeconds(5))).isNotNull();
        assertThat(logLinesAbout("04 Cut Short.mp3")).isEqualTo(1);
        JsonNode asFriend = friendScanStatus();
        assertThat(asFriend.path("unreadableCount").asInt()).isPositive();
        assertThat(asFriend.path("unreadable").isMissingNode()).as("paths and reasons are the owner's").isTrue();
    }

    /** getScanStatus as a friend the owner invited on the web page. */
    private static JsonNode friendScanStatus() {
        String code = WebVisitor.owner(server, "198.51.100.60").post("/api/invites", Map.of()).json()
                .path("code").asString();
        WebVisitor.Reply signup = new WebVisitor(server, "198.51.100.61").post("/api/auth/signup",
                Map.of("inviteCode", code, "username", "quietfriend", "password", "quiet-friend-pw"));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        return new SubsonicClient(server, "quietfriend", "quiet-friend-pw", "unreadable-files", "1.16.1", false)
                .json("getScanStatus").path("scanStatus");
    }
}
