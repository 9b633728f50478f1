package dev.minstrel.analytics.history;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.stats.Period;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.Track;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.minstrel.analytics.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

/** What the Subsonic side reads: play counts, top songs, now playing. */
class PlayHistoryTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final String ALICE = "us-alice";
    private static final String BOB = "us-bob";

    private final Track one = track("tr-one", "One", "Band", "Early", "Rock", 200);
    private final Track two = track("tr-two", "Two", "Band", "Early", "Rock", 200);
    private final Track three = track("tr-three", "Three", "Band", "Late", "Rock", 200);
    private final Track solo = track("tr-solo", "Solo", "Singer", "Alone", "Pop", 200);

    @TempDir
    Path dir;
    private AnalyticsFixture fixture;
    private PlayHistory history;

    @BeforeEach
    void start() {
        fixture = new AnalyticsFixture(dir, NOW, List.of(one, two, three, solo));
        history = fixture.analytics.history();
        listen(ALICE, one, 10);
        listen(ALICE, one, 9);
        listen(ALICE, two, 8);
        listen(ALICE, three, 2);
        listen(BOB, three, 5);
        listen(BOB, three, 4);
        listen(BOB, three, 3);
        listen(BOB, solo, 1);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void listen(String user, Track track, int hoursAgo) {
        fixture.analytics.recorder()
                .submission(user, track.id(), "DSub", NOW.minus(Duration.ofHours(hoursAgo)), NOW).block();
    }

    @Test
    void playCountsAndLastPlayedOfTracksAndAlbumsArePerUser() {
        StepVerifier.create(history.tracks(ALICE, List.of(one.id(), three.id(), solo.id())))
                .assertNext(counts -> {
                    assertThat(counts).containsOnlyKeys(one.id(), three.id());
                    assertThat(counts.get(one.id())).isEqualTo(new PlayCount(2, NOW.minus(Duration.ofHours(9))));
                    assertThat(counts.get(three.id()).count()).isEqualTo(1);
                })
                .verifyComplete();
        assertThat(history.albums(ALICE, List.of(one.albumId(), three.albumId())).block())
                .containsEntry(one.albumId(), new PlayCount(3, NOW.minus(Duration.ofHours(8))))
                .containsEntry(three.albumId(), new PlayCount(1, NOW.minus(Duration.ofHours(2))));
        assertThat(history.tracks(ALICE, List.of()).block()).isEmpty();
    }

    @Test
    void allPlayCountsOfAUserAtOnceHoldTracksAndAlbums() {
        assertThat(history.playCounts(BOB).block()).containsOnly(
                Map.entry(three.id(), new PlayCount(3, NOW.minus(Duration.ofHours(3)))),
                Map.entry(three.albumId(), new PlayCount(3, NOW.minus(Duration.ofHours(3)))),
                Map.entry(solo.id(), new PlayCount(1, NOW.minus(Duration.ofHours(1)))),
                Map.entry(solo.albumId(), new PlayCount(1, NOW.minus(Duration.ofHours(1)))));
        assertThat(history.playCounts("us-nobody").block()).isEmpty();
    }

    @Test
    void deletingAUsersHistoryLeavesOnlyTheOthersListens() {
        fixture.analytics.store().deleteUser(BOB).block();

        assertThat(history.playCounts(BOB).block()).isEmpty();
        assertThat(history.topSongs(Ids.artistId("Band"), 10).block()).containsExactly(one.id(), three.id(), two.id());
        assertThat(fixture.analytics.stats().forServer(Period.ALL).block().listens())
                .isEqualTo(4);
        assertThat(history.playCounts(ALICE).block()).containsKeys(one.albumId(), three.albumId());
    }

    @Test
    void topSongsOfAnArtistCountEveryonesListens() {
        assertThat(history.topSongs(Ids.artistId("Band"), 2).block()).containsExactly(three.id(), one.id());
        assertThat(history.topSongs(Ids.artistId("Band"), 10).block()).containsExactly(three.id(), one.id(), two.id());
        assertThat(history.topSongs("ar-nobody", 10).block()).isEmpty();
    }

    @Test
    void nowPlayingListsWhatEachClientPlaysUntilItIsLongOver() {
        fixture.analytics.recorder().nowPlaying(ALICE, one.id(), "DSub", NOW).block();
        fixture.analytics.recorder().nowPlaying(BOB, solo.id(), "Symfonium", NOW.plusSeconds(60)).block();
        fixture.clock.set(NOW.plusSeconds(150));

        assertThat(history.nowPlaying()).containsExactly(
                new NowPlayingEntry(BOB, solo.id(), "Symfonium", NOW.plusSeconds(60), 1, "playing", 90_000, 1.0),
                new NowPlayingEntry(ALICE, one.id(), "DSub", NOW, 2, "playing", 150_000, 1.0));

        fixture.clock.set(NOW.plusSeconds(200 + 601));
        assertThat(history.nowPlaying()).extracting(NowPlayingEntry::userId).containsExactly(BOB);
    }
}
