package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.stats.StatsReport.Persona;
import dev.minstrel.library.catalogue.Track;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.minstrel.analytics.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

/** Each persona from listens that fit its rule, and none from too few listens. Alice is on the server's zone (UTC). */
class PersonasTest {

    /** Tuesday 1 December 2026, noon */
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    /** Monday 2 November 2026, midnight: listens go on the days after it */
    private static final Instant MONDAY = Instant.parse("2026-11-02T00:00:00Z");
    private static final String ALICE = "us-alice";

    /** 30 tracks by 30 different artists */
    private final List<Track> tracks = IntStream.range(0, 30)
            .mapToObj(i -> track("tr-" + i, "Song " + i, "Artist " + i, "Album " + i, "Genre " + (i % 3), 180))
            .toList();

    @TempDir
    Path dir;
    private AnalyticsFixture fixture;

    @BeforeEach
    void start() {
        fixture = new AnalyticsFixture(dir, NOW, tracks);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** one listen of track {@code track} on day {@code day} after MONDAY at {@code hour}:00 */
    private void listen(int track, int day, int hour) {
        Instant at = MONDAY.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
        fixture.analytics.recorder().submission(ALICE, tracks.get(track).id(), "DSub", at, NOW).block();
    }

    private List<Persona> personas() {
        return fixture.analytics.stats().forUser(ALICE, "alice", Period.ALL).block().personas();
    }

    private List<String> ids() {
        return personas().stream().map(Persona::id).toList();
    }

    @Test
    void nightOwl() {
        for (int i = 0; i < 20; i++) {
            listen(i % 3, i, i < 13 ? 23 : 15);
        }
        assertThat(ids()).contains("night-owl").doesNotContain("early-bird");
        assertThat(personas()).filteredOn(p -> p.id().equals("night-owl")).singleElement()
                .extracting(Persona::reason).isEqualTo("65% of listens were between 22:00 and 04:00");
    }

    @Test
    void earlyBird() {
        for (int i = 0; i < 20; i++) {
            listen(i % 3, i, i < 10 ? 7 : 15);
        }
        assertThat(ids()).contains("early-bird").doesNotContain("night-owl");
    }

    @Test
    void weekendListener() {
        List<Integer> weekendDays = List.of(5, 6, 12, 13, 19, 20);
        for (int i = 0; i < 24; i++) {
            listen(i % 3, i < 12 ? weekendDays.get(i % 6) : i % 5, 10 + i % 8);
        }
        assertThat(ids()).contains("weekend-listener");
        assertThat(personas()).filteredOn(p -> p.id().equals("weekend-listener")).singleElement()
                .extracting(Persona::reason).isEqualTo("50% of listens were on Saturdays and Sundays");
    }

    @Test
    void explorerAndNotLoyalist() {
        for (int i = 0; i < 24; i++) {
            listen(i, i % 7, 12 + i % 6);
        }
        assertThat(ids()).contains("explorer").doesNotContain("loyalist", "on-repeat");
        assertThat(personas()).filteredOn(p -> p.id().equals("explorer")).singleElement()
                .extracting(Persona::reason).isEqualTo("24 different artists in 24 listens");
    }

    @Test
    void loyalistAndNotExplorer() {
        for (int i = 0; i < 20; i++) {
            listen(i < 16 ? i % 3 : 10 + i, i, 12);
        }
        assertThat(ids()).contains("loyalist").doesNotContain("explorer");
        assertThat(personas()).filteredOn(p -> p.id().equals("loyalist")).singleElement()
                .extracting(Persona::reason).asString().startsWith("80% of listens were by Artist ");
    }

    @Test
    void onRepeat() {
        for (int i = 0; i < 25; i++) {
            listen(i < 12 ? 7 : i, i, 12);
        }
        assertThat(ids()).contains("on-repeat");
        assertThat(personas()).filteredOn(p -> p.id().equals("on-repeat")).singleElement()
                .extracting(Persona::reason).isEqualTo("\"Song 7\" was played 12 times, 48% of listens");
    }

    @Test
    void tooFewListensGiveNoPersonaRatherThanAWrongOne() {
        for (int i = 0; i < Personas.MINIMUM_LISTENS - 1; i++) {
            listen(0, i, 23);
        }
        assertThat(personas()).isEmpty();
        listen(0, 25, 23);
        assertThat(ids()).contains("night-owl", "loyalist", "on-repeat");
    }

    @Test
    void ordinaryListeningGivesNoPersona() {
        List<int[]> spread = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            spread.add(new int[]{i % 6, i % 5, 10 + i % 10});
        }
        spread.forEach(l -> listen(l[0], l[1], l[2]));
        assertThat(personas()).isEmpty();
    }
}
