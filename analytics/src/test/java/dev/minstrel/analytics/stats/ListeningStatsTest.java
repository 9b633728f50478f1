package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.TestTracks;
import dev.minstrel.analytics.listen.ListenRecorder;
import dev.minstrel.analytics.stats.StatsReport.TopArtist;
import dev.minstrel.analytics.stats.StatsReport.TopTrack;
import dev.minstrel.library.catalogue.Track;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static dev.minstrel.analytics.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Stats over a small history whose answers are worked out by hand. Alice lives in New York: her
 * listen at 23:30 on Thursday 19 November is Friday 04:30 in UTC, and her listen at 22:00 on
 * 31 October is before the end of daylight saving time (UTC-4, not -5).
 */
class ListeningStatsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Friday 20 November 2026, 10:00 in New York */
    private static final Instant NOW = Instant.parse("2026-11-20T15:00:00Z");
    private static final String ALICE = "us-alice";
    private static final String BOB = "us-bob";

    private final Track a = track("tr-a", "Anthem", "Xylo", "First", "Rock", 200);
    private final Track b = track("tr-b", "Ballad", "Xylo", "First", "Rock", 180);
    private final Track c = track("tr-c", "Chorus", "Yarrow", "Second", "Pop", 240);
    private final Track d = track("tr-d", "Drift", "Zephyr", "Third", "Jazz", 300);

    @TempDir
    Path dir;
    private AnalyticsFixture fixture;
    private ListeningStats stats;

    @BeforeEach
    void history() {
        fixture = new AnalyticsFixture(dir, NOW, List.of(a, b, c, d));
        stats = fixture.analytics.stats();
        aliceListens(d, "2026-10-31T22:00");
        aliceListens(a, "2026-11-01T10:00");
        aliceListens(a, "2026-11-02T10:00");
        aliceListens(a, "2026-11-15T08:00");
        aliceListens(b, "2026-11-16T08:00");
        aliceListens(d, "2026-11-16T12:00");
        aliceListens(a, "2026-11-17T08:00");
        aliceListens(c, "2026-11-17T12:00");
        aliceListens(b, "2026-11-18T12:00");
        aliceListens(c, "2026-11-18T21:00");
        aliceListens(b, "2026-11-19T12:00");
        aliceListens(a, "2026-11-19T23:30");
        for (int i = 0; i < 4; i++) {
            listen(BOB, c, Instant.parse("2026-11-20T09:00:00Z").plusSeconds(600L * i));
        }
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void aliceListens(Track track, String newYorkTime) {
        listen(ALICE, track, LocalDateTime.parse(newYorkTime).atZone(NEW_YORK).toInstant());
    }

    private void listen(String user, Track track, Instant startedAt) {
        fixture.analytics.recorder().submission(user, track.id(), "DSub", startedAt, NOW).block();
    }

    private StatsReport alice(Period period) {
        return stats.forUser(ALICE, "alice", period).block();
    }

    @Test
    void aZoneSetAfterTheFactPlacesEveryPastListenOnItsLocalDayAndHour() {
        StatsReport inUtc = alice(Period.ALL);
        assertThat(inUtc.heatMap().get(4).get(4)).as("Friday 04:30 UTC").isEqualTo(1L);

        fixture.analytics.profiles().setZone(ALICE, NEW_YORK).block();
        StatsReport local = alice(Period.ALL);

        assertThat(local.timeZone()).isEqualTo("America/New_York");
        assertThat(local.heatMap().get(3).get(23)).as("Thursday 23:30 in New York").isEqualTo(1L);
        assertThat(local.heatMap().get(4).get(4)).isZero();
        assertThat(local.listensByHour().get(22)).as("22:00 EDT on 31 October").isEqualTo(1L);
        assertThat(local.listensByWeekday()).containsExactly(3L, 2L, 2L, 2L, 0L, 1L, 2L);
        assertThat(local.listensByHour().stream().mapToLong(Long::longValue).sum()).isEqualTo(12);
    }

    @Test
    void totalsAndTopListsForAllTime() {
        fixture.analytics.profiles().setZone(ALICE, NEW_YORK).block();

        StatsReport all = alice(Period.ALL);

        assertThat(all.listens()).isEqualTo(12);
        assertThat(all.minutesListened()).as("5×200 + 3×180 + 2×240 + 2×300 s").isEqualTo(2620 / 60);
        assertThat(all.distinctTracks()).isEqualTo(4);
        assertThat(all.distinctArtists()).isEqualTo(3);
        assertThat(all.distinctAlbums()).isEqualTo(3);
        assertThat(all.topTracks()).extracting(TopTrack::id, TopTrack::title, TopTrack::artist, TopTrack::listens)
                .containsExactly(tuple("tr-a", "Anthem", "Xylo", 5L), tuple("tr-b", "Ballad", "Xylo", 3L),
                        tuple("tr-c", "Chorus", "Yarrow", 2L), tuple("tr-d", "Drift", "Zephyr", 2L));
        assertThat(all.topArtists()).extracting(TopArtist::name, TopArtist::listens)
                .containsExactly(tuple("Xylo", 8L), tuple("Yarrow", 2L), tuple("Zephyr", 2L));
        assertThat(all.topAlbums()).extracting(StatsReport.TopAlbum::name, StatsReport.TopAlbum::listens)
                .containsExactly(tuple("First", 8L), tuple("Second", 2L), tuple("Third", 2L));
        assertThat(all.topGenres()).extracting(StatsReport.TopGenre::name, StatsReport.TopGenre::listens)
                .containsExactly(tuple("Rock", 8L), tuple("Pop", 2L), tuple("Jazz", 2L));
        assertThat(all.from()).isNull();
    }

    @Test
    void listeningTimeBesideTheCountsPerDayPerWeekAndInTopsOfItsOwn() {
        fixture.analytics.profiles().setZone(ALICE, NEW_YORK).block();

        StatsReport all = alice(Period.ALL);

        assertThat(all.topTracksByTime()).extracting(TopTrack::id, TopTrack::minutes, TopTrack::listens)
                .as("1000 s of Anthem, 600 of Drift, 540 of Ballad, 480 of Chorus")
                .containsExactly(tuple("tr-a", 16L, 5L), tuple("tr-d", 10L, 2L), tuple("tr-b", 9L, 3L),
                        tuple("tr-c", 8L, 2L));
        assertThat(all.topArtistsByTime()).extracting(TopArtist::name, TopArtist::minutes)
                .containsExactly(tuple("Xylo", 25L), tuple("Zephyr", 10L), tuple("Yarrow", 8L));
        assertThat(all.topTracks().get(0).minutes()).isEqualTo(16);
        assertThat(all.listensLast30Days()).filteredOn(d -> d.day().equals("2026-11-16")).singleElement()
                .as("Ballad and Drift: 480 s").extracting(StatsReport.DayCount::minutes).isEqualTo(8L);
        assertThat(all.listensByWeekThisYear()).filteredOn(w -> w.day().equals("2026-11-16")).singleElement()
                .as("8 listens: 2×200 + 3×180 + 2×240 + 300 s").extracting(StatsReport.DayCount::minutes)
                .isEqualTo(1720L / 60);
    }

    @Test
    void periodsAreTheListenersOwnCalendarWeekMonthAndYear() {
        fixture.analytics.profiles().setZone(ALICE, NEW_YORK).block();

        StatsReport week = alice(Period.WEEK);
        assertThat(week.from()).isEqualTo("2026-11-16");
        assertThat(week.listens()).isEqualTo(8);
        assertThat(week.topTracks()).extracting(TopTrack::id, TopTrack::listens)
                .containsExactly(tuple("tr-b", 3L), tuple("tr-a", 2L), tuple("tr-c", 2L), tuple("tr-d", 1L));
        assertThat(alice(Period.MONTH).listens()).as("not 31 October").isEqualTo(11);
        assertThat(alice(Period.YEAR).listens()).isEqualTo(12);
    }

    @Test
    void aStreakLivesOnUntilTheEndOfTodayAndTheLongestIsRemembered() {
        fixture.analytics.profiles().setZone(ALICE, NEW_YORK).block();

        StatsReport friday = alice(Period.ALL);
        assertThat(friday.currentStreak()).as("15 to 19 November; today is not over").isEqualTo(5);
        assertThat(friday.longestStreak()).isEqualTo(5);

        fixture.clock.set(NOW.plusSeconds(3600));
        listen(ALICE, c, NOW.plusSeconds(3600));
        assertThat(alice(Period.ALL).currentStreak()).isEqualTo(6);
        assertThat(alice(Period.ALL).longestStreak()).isEqualTo(6);

        fixture.clock.set(Instant.parse("2026-11-22T15:00:00Z"));
        StatsReport sunday = alice(Period.ALL);
        assertThat(sunday.currentStreak()).as("nothing on Saturday").isZero();
        assertThat(sunday.longestStreak()).isEqualTo(6);
    }

    @Test
    void theServerAddsEveryonesListens() {
        StatsReport server = stats.forServer(Period.ALL).block();

        assertThat(server.scope()).isEqualTo("server");
        assertThat(server.listens()).isEqualTo(16);
        assertThat(server.topTracks()).extracting(TopTrack::id, TopTrack::listens).first()
                .isEqualTo(tuple("tr-c", 6L));
        assertThat(server.topArtists()).extracting(TopArtist::name, TopArtist::listens)
                .containsExactly(tuple("Xylo", 8L), tuple("Yarrow", 6L), tuple("Zephyr", 2L));
    }

    @Test
    void tracksThatLeftTheLibraryKeepTheirNames() {
        fixture.catalogue.set(TestTracks.catalogue(List.of(b, c, d)));

        StatsReport all = alice(Period.ALL);

        assertThat(all.topTracks()).extracting(TopTrack::id, TopTrack::title, TopTrack::artist, TopTrack::listens)
                .first().isEqualTo(tuple("tr-a", "Anthem", "Xylo", 5L));
    }

    @Test
    void theRollUpsRebuiltFromTheListensMatchTheOnesKeptOnTheWay() {
        fixture.analytics.profiles().setZone(ALICE, NEW_YORK).block();
        StatsReport before = alice(Period.ALL);
        StatsReport serverBefore = stats.forServer(Period.WEEK).block();

        fixture.analytics.store().rebuildRollUps().block();

        assertThat(alice(Period.ALL)).isEqualTo(before);
        assertThat(stats.forServer(Period.WEEK).block()).isEqualTo(serverBefore);
    }

    @Test
    void clientTimeHelperIsWhatTheSubsonicSideUses() {
        assertThat(ListenRecorder.clientTime(NOW.getEpochSecond(), NOW)).isEqualTo(NOW);
    }
}
