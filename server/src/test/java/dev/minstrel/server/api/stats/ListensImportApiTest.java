package dev.minstrel.server.api.stats;

import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.fixtures.AudioFixtures;
import dev.minstrel.server.api.ApiTestServer;
import dev.minstrel.server.api.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Taking listens in and out over HTTP: an export file posted to /api/me/listens/import, the
 * listens it stored read back from /api/me/listens/export as JSON and as CSV, and the refusals.
 * The size limit is set to 64 KB here so a file over it stays small.
 */
class ListensImportApiTest {

    private static final String PATH = "/api/me/listens/import";

    @TempDir
    static Path dir;
    static ApiTestServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        AudioFixtures.mp3(dir.resolve("music/Band/Record/1 Song.mp3")).title("Song").artist("Band").album("Record")
                .albumArtist("Band").track(1).seconds(200).compact().write();
        server = new ApiTestServer(dir, "--minstrel.import.max-file-size=64KB");
        MusicLibrary library = server.bean(MusicLibrary.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (library.catalogue().tracks().stream().noneMatch(t -> "Song".equals(t.title()))) {
            assertThat(System.nanoTime()).as("the first scan ends within a minute").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertProblem(Visitor.Reply reply, int status, String instance) {
        assertThat(reply.status()).isEqualTo(status);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.<String>json("$.instance")).isEqualTo(instance);
    }

    @Test
    void aLastFmCsvIsImportedAndComesBackInBothExportFormats() {
        Visitor bob = server.friend("bob", "bobs-password-1");

        Visitor.Reply reply = bob.post(PATH, """
                Band,Record,song,14 Nov 2023 22:13
                "Crosby, Stills & Nash",,"Suite: Judy ""Blue"" Eyes",14 Nov 2023 22:20
                band,record,SONG,14 Nov 2023 22:14
                """);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.<Integer>json("$.imported")).isEqualTo(2);
        assertThat(reply.<Integer>json("$.duplicates")).isEqualTo(1);
        assertThat(reply.<Integer>json("$.matched")).isEqualTo(1);
        assertThat(reply.<Integer>json("$.unmatched")).isEqualTo(1);
        assertThat(reply.<List<String>>json("$.unmatchedExamples")).containsExactly("Crosby, Stills & Nash – Suite: Judy \"Blue\" Eyes");

        Visitor.Reply json = bob.get("/api/me/listens/export");
        assertThat(json.<List<String>>json("$[*].track_metadata.track_name"))
                .containsExactly("Song", "Suite: Judy \"Blue\" Eyes");
        assertThat(json.<Integer>json("$[0].track_metadata.additional_info.duration_ms")).isPositive();
        assertThat(json.<String>json("$[1].track_metadata.additional_info.media_player")).isEqualTo("Last.fm");

        Visitor.Reply csv = bob.get("/api/me/listens/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.headers().getContentDisposition().getFilename()).isEqualTo("listens-bob.csv");
        assertThat(csv.body()).isEqualTo("listened_at,artist_name,track_name,release_name,duration_ms,recording_mbid,"
                + "release_mbid,artist_mbids,media_player,submission_client\r\n"
                // 14 Nov 2023 22:13 and 22:20 UTC
                + "1699999980,Band,Song,Record," + json.<Integer>json("$[0].track_metadata.additional_info.duration_ms")
                + ",,,,Last.fm,Minstrel\r\n"
                + "1700000400,\"Crosby, Stills & Nash\",\"Suite: Judy \"\"Blue\"\" Eyes\",,,,,,Last.fm,Minstrel\r\n");
        assertProblem(bob.get("/api/me/listens/export?format=xml"), 400, "/api/me/listens/export");
    }

    @Test
    void importedListensCountInThePlayCountsEveryAppSeesAtOnce() {
        Visitor erin = server.friend("erin", "erins-password-1");
        String songId = server.bean(MusicLibrary.class).catalogue().tracks().stream()
                .filter(t -> "Song".equals(t.title())).findFirst().orElseThrow().id();
        String getSong = "/rest/getSong?u=erin&p=erins-password-1&v=1.16.1&c=ListensImportApiTest&f=json&id=" + songId;
        // the app has asked before: the server holds erin's play counts from then
        assertThat(server.visitor().get(getSong).<Object>json("$['subsonic-response'].song.playCount")).isEqualTo(0);

        Visitor.Reply reply = erin.post(PATH, """
                Band,Record,Song,14 Nov 2023 22:13
                Band,Record,Song,15 Nov 2023 08:02
                """);

        assertThat(reply.<Integer>json("$.matched")).isEqualTo(2);
        Visitor.Reply song = server.visitor().get(getSong);
        assertThat(song.<Object>json("$['subsonic-response'].song.playCount")).isEqualTo(2);
        assertThat(song.<String>json("$['subsonic-response'].song.played")).isEqualTo("2023-11-15T08:02:00.000Z");
    }

    @Test
    void aMalformedFileIsRefusedNamingTheEntryAndNothingIsStored() {
        Visitor carol = server.friend("carol", "carols-password-1");

        Visitor.Reply reply = carol.post(PATH, """
                [{"listened_at": 1700000000, "track_metadata": {"artist_name": "Band", "track_name": "Song"}},
                 {"listened_at": "yesterday", "track_metadata": {"artist_name": "Band", "track_name": "Song"}}]
                """);

        assertProblem(reply, 400, PATH);
        assertThat(reply.<String>json("$.detail")).isEqualTo("The file cannot be imported: entry 2 (line 2): "
                + "listened_at is missing or not a whole number of seconds. Nothing was imported.");
        assertThat(carol.get("/api/me/listens/export").<List<?>>json("$")).isEmpty();
    }

    @Test
    void aFileOverTheLimitIsRefusedAs413() {
        Visitor dave = server.friend("dave", "daves-password-1");
        String line = "Band,Record,Song,14 Nov 2023 22:13\n";

        Visitor.Reply reply = dave.post(PATH, line.repeat(64 * 1024 / line.length() + 10));

        assertProblem(reply, 413, PATH);
        assertThat(reply.<String>json("$.detail")).startsWith("The file is larger than 64 KB");
        assertThat(dave.get("/api/me/listens/export").<List<?>>json("$")).isEmpty();
    }

    @Test
    void onlyASignedInUserImports() {
        assertProblem(server.visitor().post(PATH, "Band,Record,Song,14 Nov 2023 22:13\n"), 401, PATH);
    }
}
