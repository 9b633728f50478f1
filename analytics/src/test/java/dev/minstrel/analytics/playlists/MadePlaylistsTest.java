package dev.minstrel.analytics.playlists;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.sharing.FriendsSee;
import dev.minstrel.analytics.sharing.ListenerSettings;
import dev.minstrel.library.catalogue.Track;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.minstrel.analytics.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

/** The playlists made from listening: what goes in each, when they are made again, who sees them. */
class MadePlaylistsTest {

    /** Tuesday 1 December 2026, noon UTC */
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final String ALICE = "us-alice";
    private static final String BOB = "us-bob";

    /** 40 tracks by 40 different artists */
    private final List<Track> tracks = IntStream.range(0, 40)
            .mapToObj(i -> track("tr-" + i, "Song " + i, "Artist " + i, "Album " + i, "Pop", 180))
            .toList();

    @TempDir
    Path dir;
    private AnalyticsFixture fixture;
    private MadePlaylists playlists;

    @BeforeEach
    void start() {
        fixture = new AnalyticsFixture(dir, NOW, tracks);
        playlists = fixture.analytics.playlists();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** {@code user} played track {@code track} to its end, starting {@code ago} before now. */
    private void listen(String user, int track, Duration ago) {
        Instant at = fixture.clock.instant().minus(ago);
        fixture.analytics.recorder().submission(user, tracks.get(track).id(), "DSub", at, fixture.clock.instant()).block();
    }

    private Map<String, MadePlaylist> seenBy(String user) {
        return playlists.visibleTo(user).block().stream()
                .collect(Collectors.toMap(MadePlaylist::id, Function.identity()));
    }

    private List<String> songs(String user, String playlist) {
        MadePlaylist found = seenBy(user).get(playlist);
        return found == null ? List.of() : found.trackIds();
    }

    private String id(int track) {
        return tracks.get(track).id();
    }

    @Test
    void topOfTheWeekIsTheLastSevenDaysMostPlayedFirst() {
        listen(ALICE, 1, Duration.ofHours(2));
        listen(ALICE, 2, Duration.ofHours(3));
        listen(ALICE, 2, Duration.ofDays(2));
        listen(ALICE, 3, Duration.ofDays(8));

        assertThat(songs(ALICE, MadePlaylists.TOP_WEEK)).containsExactly(id(2), id(1));
        assertThat(seenBy(ALICE).get(MadePlaylists.TOP_WEEK).name()).isEqualTo("Top 25 this week");
    }

    @Test
    void topOfTheWeekHoldsAtMostTwentyFiveSongs() {
        for (int i = 0; i < 30; i++) {
            listen(ALICE, i, Duration.ofHours(i + 1));
        }
        assertThat(songs(ALICE, MadePlaylists.TOP_WEEK)).hasSize(25).startsWith(id(0)).doesNotContain(id(25));
    }

    @Test
    void aListenShowsAfterTheNextRefreshNotBefore() {
        listen(ALICE, 1, Duration.ofHours(2));
        assertThat(songs(ALICE, MadePlaylists.TOP_WEEK)).containsExactly(id(1));
        Instant firstChange = seenBy(ALICE).get(MadePlaylists.TOP_WEEK).changed();

        fixture.clock.advance(Duration.ofSeconds(30));
        listen(ALICE, 4, Duration.ofMinutes(5));
        assertThat(songs(ALICE, MadePlaylists.TOP_WEEK)).as("read from memory, not made on the request")
                .containsExactly(id(1));

        playlists.refresh();
        assertThat(songs(ALICE, MadePlaylists.TOP_WEEK)).containsExactly(id(4), id(1));
        assertThat(seenBy(ALICE).get(MadePlaylists.TOP_WEEK).changed()).isAfter(firstChange);
    }

    @Test
    void aQuietListIsMadeAgainOnceStaleAsItsWindowMovesOn() {
        listen(ALICE, 1, Duration.ofDays(6).plusHours(23));
        assertThat(songs(ALICE, MadePlaylists.TOP_WEEK)).containsExactly(id(1));

        fixture.clock.advance(Duration.ofHours(2));
        playlists.refresh();
        assertThat(seenBy(ALICE)).doesNotContainKey(MadePlaylists.TOP_WEEK);
    }

    @Test
    void onRepeatIsWhatWasPlayedAtLeastTwiceInThirtyDays() {
        listen(ALICE, 1, Duration.ofDays(20));
        listen(ALICE, 1, Duration.ofDays(10));
        listen(ALICE, 1, Duration.ofDays(1));
        listen(ALICE, 2, Duration.ofDays(3));
        listen(ALICE, 2, Duration.ofDays(2));
        listen(ALICE, 3, Duration.ofDays(1));
        listen(ALICE, 4, Duration.ofDays(40));
        listen(ALICE, 4, Duration.ofDays(35));

        assertThat(songs(ALICE, MadePlaylists.ON_REPEAT)).containsExactly(id(1), id(2));
    }

    @Test
    void rediscoverIsPlayedALotButNotForNinetyDays() {
        for (int i = 0; i < 3; i++) {
            listen(ALICE, 1, Duration.ofDays(200 + i));
            listen(ALICE, 2, Duration.ofDays(100 + i));
        }
        listen(ALICE, 2, Duration.ofDays(100 - 1));
        for (int i = 0; i < 3; i++) {
            listen(ALICE, 3, Duration.ofDays(95 + i));
        }
        listen(ALICE, 3, Duration.ofDays(5));
        listen(ALICE, 4, Duration.ofDays(150));
        listen(ALICE, 4, Duration.ofDays(151));

        assertThat(songs(ALICE, MadePlaylists.REDISCOVER)).as("4 plays of 2, 3 of 1; 3 heard lately, 4 only twice")
                .containsExactly(id(2), id(1));
    }

    @Test
    void aNightOwlGetsTheSongsOfTheirNights() {
        Instant midnight = Instant.parse("2026-12-01T00:00:00Z");
        for (int day = 1; day <= 20; day++) {
            Instant night = midnight.minus(Duration.ofDays(day)).plus(Duration.ofMinutes(30));
            listen(ALICE, day % 2, Duration.between(night, NOW));
        }
        for (int day = 1; day <= 5; day++) {
            Instant afternoon = midnight.minus(Duration.ofDays(day)).plus(Duration.ofHours(15));
            listen(ALICE, 5, Duration.between(afternoon, NOW));
        }

        MadePlaylist mix = seenBy(ALICE).get(MadePlaylists.PERSONA);
        assertThat(mix.name()).isEqualTo("Night owl mix");
        assertThat(mix.comment()).isEqualTo("Made for you: 80% of listens were between 22:00 and 04:00");
        assertThat(mix.trackIds()).containsExactlyInAnyOrder(id(0), id(1));
    }

    @Test
    void tooFewListensMakeNoPersonaMix() {
        listen(ALICE, 1, Duration.ofHours(2));
        assertThat(seenBy(ALICE)).containsOnlyKeys(MadePlaylists.TOP_WEEK);
    }

    @Test
    void theCircleCountsOnlyThoseWhoShareAndEveryoneSeesIt() {
        listen(ALICE, 1, Duration.ofHours(2));
        listen(BOB, 2, Duration.ofHours(2));
        listen(BOB, 2, Duration.ofHours(5));
        assertThat(seenBy(ALICE)).as("nobody shares yet").doesNotContainKey(MadePlaylists.CIRCLE_WEEK);

        fixture.analytics.settings().save(BOB, new ListenerSettings(true, FriendsSee.TOP_LISTS)).block();
        playlists.refresh();
        assertThat(songs(ALICE, MadePlaylists.CIRCLE_WEEK)).containsExactly(id(2));

        fixture.analytics.settings().save(ALICE, new ListenerSettings(true, FriendsSee.EVERYTHING)).block();
        listen(ALICE, 1, Duration.ofHours(1));
        listen(ALICE, 1, Duration.ofMinutes(20));
        playlists.refresh();
        assertThat(songs(BOB, MadePlaylists.CIRCLE_WEEK)).containsExactly(id(1), id(2));
        assertThat(seenBy(BOB).get(MadePlaylists.CIRCLE_WEEK).circle()).isTrue();
    }

    @Test
    void aDeletedAccountsListensLeaveTheCircle() {
        fixture.analytics.settings().save(BOB, new ListenerSettings(true, FriendsSee.TOP_LISTS)).block();
        listen(BOB, 2, Duration.ofHours(2));
        playlists.refresh();
        assertThat(songs(ALICE, MadePlaylists.CIRCLE_WEEK)).containsExactly(id(2));

        fixture.analytics.settings().forget(BOB).block();
        playlists.refresh();
        assertThat(seenBy(ALICE)).doesNotContainKey(MadePlaylists.CIRCLE_WEEK);
        assertThat(fixture.analytics.settings().of(BOB).block()).isEqualTo(ListenerSettings.DEFAULTS);
    }

    @Test
    void aListenerWhoTurnsThemOffSeesNone() {
        listen(ALICE, 1, Duration.ofHours(2));
        fixture.analytics.settings().save(ALICE, new ListenerSettings(false, FriendsSee.NOTHING)).block();

        assertThat(playlists.visibleTo(ALICE).block()).isEmpty();
        assertThat(playlists.find(ALICE, MadePlaylists.TOP_WEEK).blockOptional()).isEmpty();
    }

    @Test
    void songsThatLeftTheLibraryAreLeftOut() {
        listen(ALICE, 1, Duration.ofHours(2));
        listen(ALICE, 2, Duration.ofHours(3));
        fixture.catalogue.set(dev.minstrel.analytics.TestTracks.catalogue(
                tracks.stream().filter(t -> !t.id().equals(id(1))).toList()));
        playlists.refresh();
        assertThat(songs(ALICE, MadePlaylists.TOP_WEEK)).containsExactly(id(2));
    }
}
