package dev.minstrel.analytics.imports;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.listen.ListenRules;
import dev.minstrel.analytics.stats.Period;
import dev.minstrel.analytics.stats.StatsReport;
import dev.minstrel.library.catalogue.Track;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.minstrel.analytics.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imported listens over a real database: matched to library tracks by MusicBrainz id, then by
 * artist and title (case and accents aside) with lengths close enough; the others kept by their
 * names; the same plays as ones stored already left out; the stats rebuilt.
 */
class ListenImporterTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String ALICE = "us-alice";
    private static final String RECORDING = "8f3471b5-7e6a-48da-86a9-c1c07a0f47ae";

    @TempDir
    Path dir;
    private AnalyticsFixture fixture;
    private ListenImporter importer;
    private final Track tagged = track("tr-tagged", "Song", "Band", "Record", "Rock", 200, RECORDING);
    private final Track accented = track("tr-deja", "Déjà Vu", "Beyoncé", "B'Day", "Pop", 240);

    @BeforeEach
    void setUp() {
        fixture = new AnalyticsFixture(dir, NOW, List.of(tagged, accented));
        importer = new ListenImporter(fixture.analytics.store(), fixture.analytics.profiles(), fixture.catalogue::get,
                ListenRules.DEFAULTS, fixture.clock);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    private ImportReport importLines(String... jsonLines) throws IOException {
        Path file = dir.resolve("listens.jsonl");
        Files.writeString(file, String.join("\n", jsonLines));
        return importer.importFile(ALICE, file).block();
    }

    private static String listen(Instant at, String artist, String title, String info) {
        return "{\"listened_at\": " + at.getEpochSecond() + ", \"track_metadata\": {\"artist_name\": \"" + artist
                + "\", \"track_name\": \"" + title + "\", \"additional_info\": {" + info + "}}}";
    }

    private StatsReport stats() {
        return fixture.analytics.stats().forUser(ALICE, "alice", Period.ALL).block();
    }

    @Test
    void theRecordingMbidMatchesBeforeAnyName() throws IOException {
        ImportReport report = importLines(listen(NOW.minusSeconds(3600), "The Band", "Song (2011 Remaster)",
                "\"recording_mbid\": \"" + RECORDING.toUpperCase() + "\""));

        assertThat(report).isEqualTo(new ImportReport(1, 0, 1, 0, List.of()));
        assertThat(stats().topTracks()).extracting(StatsReport.TopTrack::id).containsExactly("tr-tagged");
    }

    @Test
    void artistAndTitleMatchWhateverTheirCaseAndAccentsWhenTheLengthsAgree() throws IOException {
        ImportReport report = importLines(
                listen(NOW.minusSeconds(7200), "BEYONCE", "deja vu", "\"duration_ms\": 246000"),
                listen(NOW.minusSeconds(3600), "beyoncé", "Déjà  Vu!", ""));

        assertThat(report).isEqualTo(new ImportReport(2, 0, 2, 0, List.of()));
        assertThat(stats().topTracks().get(0).id()).isEqualTo("tr-deja");
        assertThat(stats().topTracks().get(0).listens()).isEqualTo(2);
    }

    @Test
    void aLengthTooFarOffIsAnotherRecordingKeptByItsNames() throws IOException {
        ImportReport report = importLines(listen(NOW.minusSeconds(3600), "Beyoncé", "Déjà Vu", "\"duration_ms\": 300000"));

        assertThat(report).isEqualTo(new ImportReport(1, 0, 0, 1, List.of("Beyoncé – Déjà Vu")));
        StatsReport.TopTrack kept = stats().topTracks().get(0);
        assertThat(kept.id()).startsWith("ext-t-").isNotEqualTo("tr-deja");
        assertThat(kept.title()).isEqualTo("Déjà Vu");
        assertThat(kept.artist()).isEqualTo("Beyoncé");
        assertThat(stats().topArtists().get(0).name()).isEqualTo("Beyoncé");
    }

    @Test
    void tracksNotInTheLibraryAreKeptTogetherAndReported() throws IOException {
        ImportReport report = importLines(
                listen(NOW.minusSeconds(9000), "Nobody", "Gone", ""),
                listen(NOW.minusSeconds(6000), "nobody", "GONE", ""),
                listen(NOW.minusSeconds(3000), "Else", "Elsewhere", ""));

        assertThat(report).isEqualTo(new ImportReport(3, 0, 0, 3, List.of("Nobody – Gone", "Else – Elsewhere")));
        assertThat(stats().listens()).isEqualTo(3);
        assertThat(stats().topTracks().get(0).listens()).as("the same names are one track").isEqualTo(2);
    }

    @Test
    void theSamePlayAsOneStoredOrEarlierInTheFileIsADuplicate() throws IOException {
        Instant played = NOW.minusSeconds(3600);
        fixture.analytics.recorder().submission(ALICE, "tr-tagged", "DSub", played, NOW).block();

        ImportReport report = importLines(
                listen(played.plusSeconds(20), "Band", "Song", ""),          // the scrobbled play, a clock apart
                listen(played.plusSeconds(201), "Band", "Song", ""),         // played again after it ended
                listen(played.plusSeconds(210), "Band", "Song", ""),         // the same play twice in the file
                listen(played.minusSeconds(200), "Band", "Song", ""));       // the play just before

        assertThat(report).isEqualTo(new ImportReport(2, 2, 2, 0, List.of()));
        assertThat(stats().listens()).as("the roll-ups are rebuilt with the imported listens").isEqualTo(3);
        assertThat(fixture.analytics.stats().forServer(Period.ALL).block().listens()).isEqualTo(3);
    }

    @Test
    void importingTheSameFileTwiceAddsNothingTheSecondTime() throws IOException {
        String line = listen(NOW.minusSeconds(3600), "Band", "Song", "");
        assertThat(importLines(line).imported()).isEqualTo(1);

        assertThat(importLines(line)).isEqualTo(new ImportReport(0, 1, 0, 0, List.of()));
    }
}
