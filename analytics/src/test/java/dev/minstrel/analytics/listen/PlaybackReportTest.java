package dev.minstrel.analytics.listen;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.listen.ScrobbleResult.Outcome;
import dev.minstrel.library.catalogue.Track;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static dev.minstrel.analytics.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** OpenSubsonic's reportPlayback: listens of the seconds really heard, pauses left out. */
class PlaybackReportTest {

    private static final String ALICE = "us-alice";
    private static final String APP = "Feishin";
    private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

    private final Track song = track("tr-song", "Song", "Band", "Record", "Rock", 240);
    private final Track other = track("tr-other", "Other", "Band", "Record", "Rock", 200);

    @TempDir
    Path dir;
    private AnalyticsFixture fixture;

    @BeforeEach
    void start() {
        fixture = new AnalyticsFixture(dir, NOON, List.of(song, other));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** a report {@code seconds} after noon */
    private ScrobbleResult report(Track track, long seconds, long positionMs, PlaybackState state) {
        return report(track, seconds, positionMs, state, false);
    }

    private ScrobbleResult report(Track track, long seconds, long positionMs, PlaybackState state, boolean ignore) {
        Instant at = NOON.plusSeconds(seconds);
        fixture.clock.set(at);
        return fixture.analytics.recorder().playback(ALICE, track.id(), APP, positionMs, state, 1.0, ignore, at).block();
    }

    private List<Object[]> listens() {
        return fixture.database.client().sql("SELECT track_id, started_at, seconds_played, source FROM listen ORDER BY started_at")
                .map(row -> new Object[]{row.get("track_id", String.class), row.get("started_at", Long.class),
                        row.get("seconds_played", Integer.class), row.get("source", String.class)})
                .all().collectList().block();
    }

    @Test
    void aStoppedPlayCountsTheSecondsHeardWithoutThePause() {
        report(song, 0, 0, PlaybackState.STARTING);
        report(song, 60, 60_000, PlaybackState.PAUSED);
        report(song, 600, 60_000, PlaybackState.PLAYING);
        ScrobbleResult stopped = report(song, 640, 100_000, PlaybackState.STOPPED);

        assertThat(stopped.outcome()).isEqualTo(Outcome.COUNTED);
        assertThat(listens()).singleElement().satisfies(row -> {
            assertThat(row[0]).isEqualTo(song.id());
            assertThat(row[1]).isEqualTo(NOON.toEpochMilli());
            assertThat(row[2]).as("60 s, then 40 s after the pause").isEqualTo(100);
            assertThat(row[3]).isEqualTo("playback");
        });
        assertThat(fixture.analytics.history().nowPlaying()).as("stopped: nothing playing").isEmpty();
    }

    @Test
    void startingTheNextTrackEndsThePreviousOne() {
        report(song, 0, 0, PlaybackState.STARTING);
        report(song, 30, 30_000, PlaybackState.PLAYING);
        ScrobbleResult next = report(other, 240, 0, PlaybackState.STARTING);

        assertThat(next.outcome()).isEqualTo(Outcome.COUNTED);
        assertThat(listens()).extracting(row -> row[0], row -> row[2]).containsExactly(tuple(song.id(), 240));
        assertThat(fixture.analytics.history().nowPlaying()).singleElement()
                .satisfies(entry -> assertThat(entry.trackId()).isEqualTo(other.id()));
    }

    @Test
    void neverMoreThanTheTrackIsHeardHoweverLongTheClientWasSilent() {
        report(song, 0, 0, PlaybackState.STARTING);
        report(song, 3600, 240_000, PlaybackState.STOPPED);
        assertThat(listens()).extracting(row -> row[2]).containsExactly(240);
    }

    @Test
    void underThirtySecondsHeardIsASkip() {
        report(song, 0, 0, PlaybackState.STARTING);
        report(song, 10, 10_000, PlaybackState.PAUSED);
        assertThat(report(song, 500, 25_000, PlaybackState.STOPPED).outcome()).isEqualTo(Outcome.TOO_SHORT);
        assertThat(listens()).isEmpty();
    }

    @Test
    void ignoreScrobbleOnlyShowsTheTrackPlaying() {
        report(song, 0, 0, PlaybackState.STARTING, true);
        assertThat(fixture.analytics.history().nowPlaying()).hasSize(1);
        assertThat(report(song, 200, 200_000, PlaybackState.STOPPED).outcome()).isEqualTo(Outcome.NOTHING_PENDING);
        assertThat(listens()).isEmpty();
    }

    @Test
    void aPlayAlsoSubmittedAsAScrobbleCountsOnceWithTheSecondsHeard() {
        report(song, 0, 0, PlaybackState.STARTING);
        fixture.clock.set(NOON.plusSeconds(130));
        assertThat(fixture.analytics.recorder().submission(ALICE, song.id(), APP, NOON, NOON.plusSeconds(130)).block()
                .outcome()).isEqualTo(Outcome.COUNTED);
        ScrobbleResult stopped = report(song, 150, 150_000, PlaybackState.STOPPED);

        assertThat(stopped.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(listens()).extracting(row -> row[2]).as("the submission said 240 s; 150 were heard")
                .containsExactly(150);
        assertThat(fixture.analytics.stats().forUser(ALICE, "alice", dev.minstrel.analytics.stats.Period.ALL).block()
                .minutesListened()).isEqualTo(2);
    }

    @Test
    void nowPlayingShowsTheReportedStateAndWhereTheTrackIsNow() {
        report(song, 0, 20_000, PlaybackState.PLAYING);
        fixture.clock.set(NOON.plusSeconds(10));
        assertThat(fixture.analytics.history().nowPlaying()).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo("playing");
            assertThat(entry.positionMs()).as("20 s, then 10 s played").isEqualTo(30_000);
        });
        report(song, 15, 35_000, PlaybackState.PAUSED);
        fixture.clock.set(NOON.plusSeconds(100));
        assertThat(fixture.analytics.history().nowPlaying()).singleElement().satisfies(entry -> {
            assertThat(entry.state()).isEqualTo("paused");
            assertThat(entry.positionMs()).isEqualTo(35_000);
        });
    }

    @Test
    void aFirstReportMidTrackBeginsThePlayAtItsPosition() {
        report(song, 0, 90_000, PlaybackState.PLAYING);
        report(song, 60, 150_000, PlaybackState.STOPPED);
        assertThat(listens()).singleElement().satisfies(row -> {
            assertThat(row[1]).as("90 s before the report").isEqualTo(NOON.minusSeconds(90).toEpochMilli());
            assertThat(row[2]).as("heard since the first report").isEqualTo(60);
        });
    }
}
