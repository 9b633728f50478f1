package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.sharing.FriendsSee;
import dev.minstrel.analytics.sharing.ListenerSettings;
import dev.minstrel.analytics.stats.CircleReport.Award;
import dev.minstrel.analytics.stats.CircleReport.Member;
import dev.minstrel.analytics.stats.CircleReport.NowListening;
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
import java.util.Map;
import java.util.stream.IntStream;

import static dev.minstrel.analytics.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The circle as bob sees it: carol shows everything, bob himself is always in, alice shows
 * nothing. Everyone is on the server's zone (UTC).
 */
class CircleStatsTest {

    /** Tuesday 1 December 2026, noon: this week began on Monday 30 November */
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Instant MONDAY = Instant.parse("2026-11-30T00:00:00Z");
    private static final String ALICE = "us-alice";
    private static final String BOB = "us-bob";
    private static final String CAROL = "us-carol";
    private static final Map<String, String> USERNAMES = Map.of(ALICE, "alice", BOB, "bob", CAROL, "carol");

    private final Track epic = track("tr-epic", "Epic", "Bard", "Saga", "Rock", 300);
    /** 12 one-minute songs by 12 different artists */
    private final List<Track> shorts = IntStream.range(0, 12)
            .mapToObj(i -> track("tr-short-" + i, "Short " + i, "Artist " + i, "Album " + i, "Pop", 60)).toList();

    @TempDir
    Path dir;
    private AnalyticsFixture fixture;

    @BeforeEach
    void start() {
        List<Track> all = new ArrayList<>(shorts);
        all.add(epic);
        fixture = new AnalyticsFixture(dir, NOW, all);
        fixture.analytics.settings().save(CAROL, new ListenerSettings(true, FriendsSee.EVERYTHING)).block();
        // bob: ten plays of one long song on Monday morning
        for (int i = 0; i < 10; i++) {
            listen(BOB, epic, MONDAY.plus(Duration.ofHours(10)).plus(Duration.ofMinutes(10L * i)));
        }
        // carol: twelve short songs late on Monday, and one on Sunday
        for (int i = 0; i < 12; i++) {
            listen(CAROL, shorts.get(i), MONDAY.plus(Duration.ofHours(23)).plus(Duration.ofMinutes(2L * i)));
        }
        listen(CAROL, shorts.get(0), MONDAY.minus(Duration.ofHours(2)));
        // alice listens today, and plays something now; nobody may know
        listen(ALICE, epic, NOW.minus(Duration.ofHours(2)));
        fixture.analytics.recorder().nowPlaying(ALICE, epic.id(), "DSub", NOW).block();
        fixture.analytics.recorder().nowPlaying(CAROL, shorts.get(3).id(), "Symfonium", NOW).block();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private void listen(String user, Track track, Instant at) {
        fixture.analytics.recorder().submission(user, track.id(), "DSub", at, NOW).block();
    }

    private CircleReport asBob(Period period) {
        return fixture.analytics.circle().forViewer(BOB, USERNAMES, period).block();
    }

    @Test
    void whoListenedMostByTimeAndByListensOfThoseWhoShare() {
        CircleReport week = asBob(Period.WEEK);

        assertThat(week.byTime()).extracting(Member::username, Member::minutes, Member::listens)
                .containsExactly(tuple("bob", 50L, 10L), tuple("carol", 12L, 12L));
        assertThat(week.byListens()).extracting(Member::username).containsExactly("carol", "bob");
        assertThat(asBob(Period.ALL).byListens()).extracting(Member::username, Member::listens)
                .as("alice shows nothing").containsExactly(tuple("carol", 13L), tuple("bob", 10L));
    }

    @Test
    void onlyThoseWhoShowEverythingAreSeenListeningNow() {
        assertThat(asBob(Period.WEEK).listeningNow())
                .extracting(NowListening::username, NowListening::title, NowListening::client, NowListening::state)
                .containsExactly(tuple("carol", "Short 3", "Symfonium", "playing"));
    }

    @Test
    void theStreakCountsDaysAnyoneWhoSharesListened() {
        CircleReport week = asBob(Period.WEEK);
        assertThat(week.currentStreak()).as("Sunday and Monday; alice's Tuesday is hers").isEqualTo(2);
        assertThat(week.longestStreak()).isEqualTo(2);
        assertThat(week.byListens()).extracting(Member::username, Member::currentStreak)
                .as("who is on a streak: carol since Sunday, bob since Monday").containsExactly(tuple("carol", 2), tuple("bob", 1));
    }

    @Test
    void awardsGoToWhoeverHasTheMostOfEachWithTheNumberBehindIt() {
        assertThat(asBob(Period.WEEK).awards()).extracting(Award::id, Award::username, Award::value, Award::reason)
                .containsExactly(
                        tuple("night-owl", "carol", 100L, "100% of 12 listens between 22:00 and 04:00"),
                        tuple("explorer", "carol", 12L, "12 different artists in 12 listens"),
                        tuple("loyalist", "bob", 100L, "100% of 10 listens by Bard"),
                        tuple("on-repeat", "bob", 10L, "\"Epic\" played 10 times"));
    }

    @Test
    void aFriendWhoSharesNothingLeavesTheViewerAlone() {
        CircleReport asAlice = fixture.analytics.circle().forViewer(ALICE, Map.of(ALICE, "alice", BOB, "bob"),
                Period.ALL).block();
        assertThat(asAlice.byTime()).extracting(Member::username).containsExactly("alice");
        assertThat(asAlice.awards()).as("one listen wins nothing").isEmpty();
    }
}
