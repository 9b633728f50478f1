package dev.minstrel.analytics.listen;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.listen.ScrobbleResult.Outcome;
import dev.minstrel.library.catalogue.Track;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.minstrel.analytics.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of what counts as a listen (docs/listening-stats.md), driven as the Subsonic API drives the recorder. */
class ListenRecorderTest {

    private static final String ALICE = "us-alice";
    private static final String APP = "DSub";
    private static final Instant NOON = Instant.parse("2026-11-20T12:00:00Z");

    private final Track song = track("tr-song", "Song", "Band", "Record", "Rock", 240);
    private final Track other = track("tr-other", "Other", "Band", "Record", "Rock", 200);
    private final Track jingle = track("tr-jingle", "Jingle", "Band", "Record", "Rock", 20);

    @TempDir
    Path dir;
    private AnalyticsFixture fixture;
    private ListenRecorder recorder;

    @BeforeEach
    void start() {
        fixture = new AnalyticsFixture(dir, NOON, List.of(song, other, jingle));
        recorder = fixture.analytics.recorder();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ScrobbleResult nowPlaying(Track track, Instant at) {
        fixture.clock.set(at);
        return recorder.nowPlaying(ALICE, track.id(), APP, at).block();
    }

    private ScrobbleResult submission(Track track, Instant clientTime, Instant at) {
        fixture.clock.set(at);
        return recorder.submission(ALICE, track.id(), APP, clientTime, at).block();
    }

    private List<Listen> listens() {
        return fixture.database.client().sql("SELECT id, user_id, track_id, album_id, artist_id, genre, started_at, "
                        + "seconds_played, client, source FROM listen ORDER BY started_at")
                .map(row -> new Listen(row.get("id", Long.class), row.get("user_id", String.class),
                        row.get("track_id", String.class), row.get("album_id", String.class),
                        row.get("artist_id", String.class), row.get("genre", String.class),
                        Instant.ofEpochMilli(row.get("started_at", Long.class)), row.get("seconds_played", Integer.class),
                        row.get("client", String.class), Listen.Source.ofKey(row.get("source", String.class))))
                .all().collectList().block();
    }

    @Test
    void aSkipAfterFortyFiveSecondsIsInferredFromTheNextNowPlaying() {
        assertThat(nowPlaying(song, NOON).outcome()).isEqualTo(Outcome.NOTHING_PENDING);

        ScrobbleResult next = nowPlaying(other, NOON.plusSeconds(45));

        assertThat(next.outcome()).isEqualTo(Outcome.COUNTED);
        assertThat(listens()).singleElement().satisfies(listen -> {
            assertThat(listen.trackId()).isEqualTo(song.id());
            assertThat(listen.userId()).isEqualTo(ALICE);
            assertThat(listen.startedAt()).isEqualTo(NOON);
            assertThat(listen.secondsPlayed()).isEqualTo(45);
            assertThat(listen.client()).isEqualTo(APP);
            assertThat(listen.albumId()).isEqualTo(song.albumId());
            assertThat(listen.artistId()).isEqualTo(song.artistId());
            assertThat(listen.source()).isEqualTo(Listen.Source.NOW_PLAYING_TIMELINE);
        });
    }

    @Test
    void thirtySecondsIsAListenAndTwentyNineIsNot() {
        nowPlaying(song, NOON);
        assertThat(nowPlaying(other, NOON.plusSeconds(29)).outcome()).isEqualTo(Outcome.TOO_SHORT);
        assertThat(nowPlaying(song, NOON.plusSeconds(29 + 30)).outcome()).isEqualTo(Outcome.COUNTED);

        assertThat(listens()).extracting(Listen::trackId, Listen::secondsPlayed)
                .containsExactly(Tuple.tuple(other.id(), 30));
    }

    @Test
    void aTenSecondSkipIsNoListen() {
        nowPlaying(song, NOON);

        assertThat(nowPlaying(other, NOON.plusSeconds(10)).outcome()).isEqualTo(Outcome.TOO_SHORT);
        assertThat(listens()).isEmpty();
    }

    @Test
    void aTrackShorterThanThirtySecondsCountsWhenPlayedToItsEnd() {
        nowPlaying(jingle, NOON);
        assertThat(nowPlaying(song, NOON.plusSeconds(20)).outcome()).isEqualTo(Outcome.COUNTED);
        nowPlaying(jingle, NOON.plusSeconds(300));
        assertThat(nowPlaying(song, NOON.plusSeconds(315)).outcome())
                .as("15 s of a 20 s track is a skip").isEqualTo(Outcome.TOO_SHORT);

        assertThat(listens()).filteredOn(listen -> listen.trackId().equals(jingle.id()))
                .singleElement().satisfies(listen -> assertThat(listen.secondsPlayed()).isEqualTo(20));
    }

    @Test
    void aSubmissionAfterAnInferredListenIsTheSamePlay() {
        nowPlaying(song, NOON);
        nowPlaying(other, NOON.plusSeconds(150));

        ScrobbleResult late = submission(song, NOON.plusSeconds(120), NOON.plusSeconds(151));

        assertThat(late.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(listens()).hasSize(1);
    }

    @Test
    void aSubmissionMidTrackThenTheNextTrackCountsOnceWithTheRealLength() {
        nowPlaying(song, NOON);
        assertThat(submission(song, NOON, NOON.plusSeconds(120)).outcome()).isEqualTo(Outcome.COUNTED);

        ScrobbleResult next = nowPlaying(other, NOON.plusSeconds(150));

        assertThat(next.outcome()).isEqualTo(Outcome.DUPLICATE);
        assertThat(listens()).singleElement().satisfies(listen -> {
            assertThat(listen.source()).isEqualTo(Listen.Source.SUBMISSION);
            assertThat(listen.startedAt()).isEqualTo(NOON);
            assertThat(listen.secondsPlayed()).as("stopped at 150 s of 240").isEqualTo(150);
        });
        assertThat(fixture.database.client().sql("SELECT seconds_played FROM listen_total WHERE scope = :s AND period = 'a'")
                .bind("s", ALICE).map(row -> row.get("seconds_played", Long.class)).one().block())
                .as("the roll-ups follow the correction").isEqualTo(150L);
    }

    @Test
    void theSameOfflineScrobbleSentTwiceCountsOnce() {
        Instant yesterday = NOON.minus(Duration.ofHours(20));

        assertThat(submission(song, yesterday, NOON).outcome()).isEqualTo(Outcome.COUNTED);
        assertThat(submission(song, yesterday, NOON.plusSeconds(5)).outcome()).isEqualTo(Outcome.DUPLICATE);

        assertThat(listens()).hasSize(1);
    }

    @Test
    void anOfflinePlayKeepsItsOwnTime() {
        Instant hoursAgo = NOON.minus(Duration.ofHours(5));

        submission(song, hoursAgo, NOON);

        assertThat(listens()).singleElement().satisfies(listen -> {
            assertThat(listen.startedAt()).isEqualTo(hoursAgo);
            assertThat(listen.secondsPlayed()).isEqualTo(240);
            assertThat(listen.source()).isEqualTo(Listen.Source.SUBMISSION);
        });
    }

    @Test
    void theSameTrackPlayedTwiceInARowIsTwoListens() {
        nowPlaying(song, NOON);
        submission(song, NOON, NOON.plusSeconds(120));
        nowPlaying(song, NOON.plusSeconds(240));
        submission(song, NOON.plusSeconds(240), NOON.plusSeconds(360));

        assertThat(listens()).extracting(Listen::startedAt).containsExactly(NOON, NOON.plusSeconds(240));
    }

    @Test
    void theSameTrackReportedAgainWhileItPlaysIsOnePlay() {
        nowPlaying(song, NOON);

        assertThat(nowPlaying(song, NOON.plusSeconds(60)).outcome()).isEqualTo(Outcome.STILL_PLAYING);
        nowPlaying(other, NOON.plusSeconds(100));

        assertThat(listens()).singleElement().satisfies(listen -> assertThat(listen.secondsPlayed()).isEqualTo(100));
    }

    @Test
    void aClientSubmittingOnASkipDoesNotMakeItAListen() {
        nowPlaying(song, NOON);

        assertThat(submission(song, NOON, NOON.plusSeconds(10)).outcome()).isEqualTo(Outcome.NOT_YET);
        assertThat(nowPlaying(other, NOON.plusSeconds(12)).outcome()).isEqualTo(Outcome.TOO_SHORT);
        assertThat(listens()).isEmpty();
    }

    @Test
    void aSubmissionSoonAfterNowPlayingIsNoListenButAPlayTheAppSeesAtOnce() {
        nowPlaying(song, NOON);

        ScrobbleResult submitted = submission(song, NOON, NOON.plusSeconds(10));

        assertThat(submitted.outcome()).isEqualTo(Outcome.NOT_YET);
        assertThat(submitted.play()).isNotNull();
        assertThat(listens()).isEmpty();
        assertThat(fixture.analytics.history().playCounts(ALICE).block().get(song.id()).count()).isEqualTo(1);
        assertThat(fixture.analytics.history().playCounts(ALICE).block().get(song.albumId()).count()).isEqualTo(1);
    }

    @Test
    void thatPlayTurningOutAListenLaterIsCountedOnceForTheAppAndOnceInTheStats() {
        nowPlaying(song, NOON);
        submission(song, NOON, NOON.plusSeconds(10));
        assertThat(submission(song, NOON, NOON.plusSeconds(11)).play()).as("the same submission again").isNull();

        ScrobbleResult ended = nowPlaying(other, NOON.plusSeconds(90));

        assertThat(ended.outcome()).isEqualTo(Outcome.COUNTED);
        assertThat(ended.play()).as("the app saw it already").isNull();
        assertThat(listens()).hasSize(1);
        assertThat(fixture.analytics.history().playCounts(ALICE).block().get(song.id()).count()).isEqualTo(1);
    }

    @Test
    void aListenCountedFromTheTimelineIsAPlayForTheAppToo() {
        nowPlaying(song, NOON);

        assertThat(nowPlaying(other, NOON.plusSeconds(60)).play()).isNotNull();
    }

    @Test
    void nowPlayingIsPerClient() {
        nowPlaying(song, NOON);
        fixture.clock.set(NOON.plusSeconds(60));
        recorder.nowPlaying(ALICE, other.id(), "Symfonium", NOON.plusSeconds(60)).block();

        assertThat(listens()).as("another app's now-playing says nothing about DSub's track").isEmpty();
    }

    @Test
    void aNowPlayingLongForgottenInfersNothing() {
        nowPlaying(song, NOON);

        ScrobbleResult nextDay = nowPlaying(other, NOON.plus(Duration.ofDays(1)));

        assertThat(nextDay.outcome()).isEqualTo(Outcome.STALE);
        assertThat(listens()).isEmpty();
    }

    @Test
    void unknownTracksAreNotCounted() {
        StepVerifier.create(recorder.submission(ALICE, "tr-nothing", APP, NOON, NOON))
                .assertNext(result -> assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN_TRACK))
                .verifyComplete();
    }

    @Test
    void clientTimesInSecondsOrMillisecondsOrAbsentAreNormalised() {
        Instant received = Instant.parse("2026-11-20T12:00:00Z");
        Instant played = Instant.parse("2026-11-20T09:30:00Z");

        assertThat(ListenRecorder.clientTime(played.toEpochMilli(), received)).isEqualTo(played);
        assertThat(ListenRecorder.clientTime(played.getEpochSecond(), received)).isEqualTo(played);
        assertThat(ListenRecorder.clientTime(null, received)).isEqualTo(received);
        assertThat(ListenRecorder.clientTime(0L, received)).isEqualTo(received);
        assertThat(ListenRecorder.clientTime(received.plusSeconds(3600).toEpochMilli(), received))
                .as("a clock running ahead").isEqualTo(received);
    }

    @Test
    void aSubmissionInSecondsIsTheSamePlayAsOneInMilliseconds() {
        Instant played = NOON.minus(Duration.ofHours(3));
        submission(song, ListenRecorder.clientTime(played.getEpochSecond(), NOON), NOON);
        submission(song, ListenRecorder.clientTime(played.toEpochMilli(), NOON), NOON.plusSeconds(1));

        assertThat(listens()).extracting(Listen::startedAt).containsExactly(played);
    }
}
