package dev.minstrel.analytics.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The export files a user may bring, each as its service writes it, and what is said of a broken one. */
class ListenFilesTest {

    private static final String RECORDING = "8f3471b5-7e6a-48da-86a9-c1c07a0f47ae";

    @TempDir
    Path dir;

    private List<ImportedListen> read(String content) throws IOException {
        Path file = dir.resolve("export");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return ListenFiles.read(file);
    }

    private void assertMalformed(String content, String message) {
        assertThatThrownBy(() -> read(content)).isInstanceOf(MalformedListenFile.class).hasMessage(message);
    }

    @Test
    void aListenBrainzJsonArrayAsMinstrelAndListenBrainzExportIt() throws IOException {
        List<ImportedListen> listens = read("""
                [{"listened_at": 1700000000, "track_metadata": {"artist_name": "Band", "track_name": "Song",
                  "release_name": "Record", "additional_info": {"duration_ms": 200000,
                  "recording_mbid": "%s", "media_player": "DSub"}}},
                 {"listened_at": 1700000300, "track_metadata": {"artist_name": "Other", "track_name": "Tune"}}]
                """.formatted(RECORDING));

        assertThat(listens).containsExactly(
                new ImportedListen(Instant.ofEpochSecond(1700000000), "Band", "Song", "Record", 200000, RECORDING, "DSub",
                        "entry 1 (line 1)"),
                new ImportedListen(Instant.ofEpochSecond(1700000300), "Other", "Tune", null, 0, null, "ListenBrainz",
                        "entry 2 (line 4)"));
    }

    @Test
    void listenBrainzJsonLinesAsItsExportZipHoldsThemWithTheMbidMapping() throws IOException {
        List<ImportedListen> listens = read("""
                {"listened_at": 1700000000, "track_metadata": {"artist_name": "Band", "track_name": "Song", "mbid_mapping": {"recording_mbid": "%s"}, "additional_info": {"duration": 200}}}
                {"listened_at": 1700000300, "track_metadata": {"artist_name": "Band", "track_name": "Other"}}
                """.formatted(RECORDING));

        assertThat(listens).hasSize(2);
        assertThat(listens.get(0).recordingMbid()).isEqualTo(RECORDING);
        assertThat(listens.get(0).durationMs()).isEqualTo(200000);
        assertThat(listens.get(1).source()).isEqualTo("line 2");
    }

    @Test
    void lastFmRecentTracksPagesLeaveOutTheTrackPlayingNow() throws IOException {
        List<ImportedListen> listens = read("""
                {"recenttracks": {"track": [
                  {"artist": {"mbid": "", "#text": "Band"}, "name": "Song", "mbid": "%s",
                   "album": {"mbid": "", "#text": "Record"}, "@attr": {"nowplaying": "true"}},
                  {"artist": {"mbid": "", "#text": "Band"}, "name": "Song", "mbid": "%s",
                   "album": {"mbid": "", "#text": "Record"}, "date": {"uts": "1700000000", "#text": "14 Nov 2023, 22:13"}}
                ], "@attr": {"user": "someone", "page": "1", "totalPages": "2"}}}
                {"recenttracks": {"track": {"artist": {"name": "Other"}, "name": "Tune", "album": {"#text": ""},
                  "date": {"uts": "1699990000"}}}}
                """.formatted(RECORDING, RECORDING));

        assertThat(listens).extracting(ImportedListen::title).containsExactly("Song", "Tune");
        assertThat(listens.get(0).listenedAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(listens.get(0).recordingMbid()).isEqualTo(RECORDING);
        assertThat(listens.get(0).album()).isEqualTo("Record");
        assertThat(listens.get(0).client()).isEqualTo("Last.fm");
        assertThat(listens.get(1).artist()).as("extended=1 pages name the artist").isEqualTo("Other");
        assertThat(listens.get(1).album()).isNull();
    }

    @Test
    void lastFmCsvAsLastfmToCsvWritesItWithoutHeaderAndWithQuotedCommas() throws IOException {
        List<ImportedListen> listens = read("""
                Band,Record,Song,14 Nov 2023 22:13\r
                "Crosby, Stills & Nash",,"Suite: Judy ""Blue"" Eyes",01 Jan 2020 00:05
                """);

        assertThat(listens).containsExactly(
                new ImportedListen(Instant.parse("2023-11-14T22:13:00Z"), "Band", "Song", "Record", 0, null, "Last.fm", "line 1"),
                new ImportedListen(Instant.parse("2020-01-01T00:05:00Z"), "Crosby, Stills & Nash", "Suite: Judy \"Blue\" Eyes",
                        null, 0, null, "Last.fm", "line 2"));
    }

    @Test
    void aCsvWithAHeaderRowIsReadByItsColumnNames() throws IOException {
        List<ImportedListen> listens = read("""
                uts,utc_time,artist,artist_mbid,album,album_mbid,track,track_mbid
                1700000000,"14 Nov 2023, 22:13",Band,,Record,,Song,%s
                """.formatted(RECORDING));

        assertThat(listens).containsExactly(new ImportedListen(Instant.ofEpochSecond(1700000000), "Band", "Song", "Record",
                0, RECORDING, "Last.fm", "line 2"));
    }

    @Test
    void aBrokenFileIsRefusedNamingWhereAndWhat() {
        assertMalformed("", "The file is empty: send a ListenBrainz or Last.fm export.");
        assertMalformed("[{\"listened_at\": 1700000000, \"track_metadata\": {\"artist_name\": \"Band\", \"track_name\": \"Song\"}},\n"
                        + " {\"track_metadata\": {\"artist_name\": \"Band\", \"track_name\": \"Song\"}}]",
                "entry 2 (line 2): listened_at is missing or not a whole number of seconds.");
        assertMalformed("{\"listened_at\": 1700000000, \"track_metadata\": {\"artist_name\": \"Band\"}}",
                "line 1: track_metadata.track_name is missing or empty.");
        assertMalformed("[{\"listened_at\": 17000", "The file is not valid JSON at line 1, column 23: "
                + "Unexpected end-of-input: expected close marker for Object.");
        assertMalformed("Band,Record,Song,14 Nov 2023 22:13\nBand,Record,Song,yesterday\n",
                "line 2: the date 'yesterday' is not like 31 Jan 2021 14:05, an ISO-8601 time or seconds since 1970.");
        assertMalformed("Band,Record\n", "line 1: expected artist, album, track and date, found 2 fields.");
        assertMalformed("{\"recenttracks\": {\"track\": [{\"artist\": {\"#text\": \"Band\"}, \"name\": \"Song\"}]}}",
                "line 1, track 1: date.uts is missing or not a number of seconds.");
    }
}
