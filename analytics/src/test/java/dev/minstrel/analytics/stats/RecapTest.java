package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.stats.Recap.NewArtist;
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

/** A recap of a year and of a month; alice is on the server's zone (UTC). */
class RecapTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String ALICE = "us-alice";

    private final Track a = track("tr-a", "Anthem", "Aster", "First", "Rock", 200);
    private final Track b = track("tr-b", "Ballad", "Birch", "Second", "Pop", 180);
    private final Track c = track("tr-c", "Chorus", "Cedar", "Third", "Jazz", 240);

    @TempDir
    Path dir;
    private AnalyticsFixture fixture;

    @BeforeEach
    void history() {
        fixture = new AnalyticsFixture(dir, NOW, List.of(a, b, c));
        listen(a, "2025-12-20T10:00:00Z");
        listen(b, "2026-01-05T08:00:00Z");
        listen(a, "2026-03-10T21:00:00Z");
        listen(c, "2026-03-10T22:00:00Z");
        listen(c, "2026-03-11T21:30:00Z");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void listen(Track track, String at) {
        fixture.analytics.recorder().submission(ALICE, track.id(), "DSub", Instant.parse(at), NOW).block();
    }

    private Recap recap(String period) {
        return fixture.analytics.stats().recap(ALICE, "alice", period).block();
    }

    @Test
    void aYearSoFar() {
        Recap year = recap("2026");

        assertThat(year.period()).isEqualTo("2026");
        assertThat(year.from()).isEqualTo("2026-01-01");
        assertThat(year.to()).isEqualTo("2026-12-31");
        assertThat(year.soFar()).isTrue();
        assertThat(year.listens()).isEqualTo(4);
        assertThat(year.minutesListened()).isEqualTo((180 + 200 + 240 + 240) / 60);
        assertThat(year.topTracks().get(0).title()).isEqualTo("Chorus");
        assertThat(year.busiestDay().day()).isEqualTo("2026-03-10");
        assertThat(year.busiestDay().listens()).isEqualTo(2);
        assertThat(year.busiestHour()).isEqualTo(21);
        assertThat(year.busiestWeekday()).isEqualTo("Tuesday");
        assertThat(year.firstListen().title()).isEqualTo("Ballad");
        assertThat(year.firstListen().at()).isEqualTo("2026-01-05T08:00:00Z");
        assertThat(year.newArtistCount()).as("Aster was found in 2025").isEqualTo(2);
        assertThat(year.newArtists()).extracting(NewArtist::name).containsExactly("Birch", "Cedar");
    }

    @Test
    void aMonthThatIsOver() {
        Recap march = recap("2026-03");

        assertThat(march.from()).isEqualTo("2026-03-01");
        assertThat(march.to()).isEqualTo("2026-03-31");
        assertThat(march.soFar()).isFalse();
        assertThat(march.listens()).isEqualTo(3);
        assertThat(march.firstListen().title()).isEqualTo("Anthem");
        assertThat(march.newArtists()).extracting(NewArtist::name).containsExactly("Cedar");
    }

    @Test
    void aPeriodWithoutListensHasNoBusiestAnything() {
        Recap quiet = recap("2024");
        assertThat(quiet.listens()).isZero();
        assertThat(quiet.busiestDay()).isNull();
        assertThat(quiet.busiestHour()).isNull();
        assertThat(quiet.firstListen()).isNull();
        assertThat(quiet.newArtists()).isEmpty();
    }

    @Test
    void onlyAYearOrAMonthIsAPeriod() {
        for (String wrong : List.of("2026-13", "26", "2026-3", "1969", "last year", "")) {
            assertThat(fixture.analytics.stats().recap(ALICE, "alice", wrong).blockOptional()).as(wrong).isEmpty();
        }
    }
}
