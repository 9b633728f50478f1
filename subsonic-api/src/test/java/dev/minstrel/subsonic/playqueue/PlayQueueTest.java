package dev.minstrel.subsonic.playqueue;

import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each save of the play queue and of a bookmark is checked first, then one transaction: whole or not at all. */
class PlayQueueTest {

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SubsonicFixture(dir);
    }

    private static List<Map<String, Object>> queueOf(String userId) {
        return fixture.rows("SELECT q.current_id, q.position AS at, q.changed_by, e.position, e.track_id"
                + " FROM subsonic_play_queue q JOIN subsonic_play_queue_entry e ON e.user_id = q.user_id"
                + " WHERE q.user_id = '" + userId + "' ORDER BY e.position");
    }

    @Test
    void aSaveThatFailsHalfWayLeavesTheSavedQueueAsItWas() throws Exception {
        fixture.json(fixture.asOwner("savePlayQueue", "id=" + fixture.soWhat.id() + "&id=" + fixture.something.id()
                + "&current=" + fixture.something.id() + "&position=4200"));
        var before = queueOf(SubsonicFixture.OWNER.id());

        String failed;
        try (var refused = fixture.refuseRows("subsonic_play_queue_entry", fixture.comeTogether.id())) {
            failed = fixture.json(fixture.asOwner("savePlayQueue", "id=" + fixture.loose.id() + "&id="
                    + fixture.dancingQueen.id() + "&id=" + fixture.comeTogether.id() + "&position=10"));
        }

        assertThat(failed).contains("\"status\":\"failed\"");
        assertThat(before).hasSize(2);
        assertThat(queueOf(SubsonicFixture.OWNER.id())).isEqualTo(before);
        assertThat(fixture.json(fixture.asOwner("getPlayQueue", "")))
                .contains("\"current\":\"" + fixture.something.id() + "\"", "\"position\":4200");
    }

    @Test
    void aQueueOrBookmarkOfASongThisLibraryDoesNotHoldIsNotFound() {
        assertThat(fixture.json(fixture.asFriend("savePlayQueue", "id=" + fixture.loose.id() + "&id=tr-gone")))
                .contains("\"code\":70");
        assertThat(fixture.json(fixture.asFriend("createBookmark", "id=tr-gone&position=1000"))).contains("\"code\":70");
    }

    @Test
    void aBookmarkCommentLongerThanTheDatabaseKeepsIsRefusedAndTheOldOneStays() {
        fixture.json(fixture.asFriend("createBookmark", "id=" + fixture.loose.id() + "&position=1000&comment=intro"));

        String failed = fixture.json(fixture.asFriend("createBookmark", "id=" + fixture.loose.id()
                + "&position=2000&comment=" + "c".repeat(5000)));

        assertThat(failed).contains("\"code\":10", "at most 4000 characters");
        assertThat(fixture.json(fixture.asFriend("getBookmarks", ""))).contains("\"position\":1000", "\"comment\":\"intro\"");
    }

    @Test
    void theIndexBasedQueueKeepsTheSameSongTwiceAndWhichOfThemIsCurrent() {
        String song = fixture.soWhat.id();
        String other = fixture.loose.id();
        assertThat(fixture.json(fixture.asFriend("savePlayQueueByIndex", "id=" + song + "&id=" + other + "&id=" + song
                + "&currentIndex=2&position=1500"))).contains("\"status\":\"ok\"");

        String byIndex = fixture.json(fixture.asFriend("getPlayQueueByIndex", ""));
        assertThat(byIndex).contains("\"currentIndex\":2", "\"position\":1500");
        assertThat(byIndex.split("\"id\":\"" + song + "\"", -1)).hasSize(3);
        // the id-based view of the same queue names the song
        assertThat(fixture.json(fixture.asFriend("getPlayQueue", ""))).contains("\"current\":\"" + song + "\"");
    }

    @Test
    void aQueueSavedByIdIsReadByIndexAtItsCurrentSongsPlace() {
        fixture.json(fixture.asOwner("savePlayQueue", "id=" + fixture.loose.id() + "&id=" + fixture.knowingMe.id()
                + "&current=" + fixture.knowingMe.id()));
        assertThat(fixture.json(fixture.asOwner("getPlayQueueByIndex", ""))).contains("\"currentIndex\":1");
    }

    @Test
    void anIndexBasedSaveNeedsACurrentIndexWithinTheQueueAndNothingClearsIt() {
        String queued = "id=" + fixture.soWhat.id() + "&id=" + fixture.loose.id();
        assertThat(fixture.json(fixture.asOwner("savePlayQueueByIndex", queued))).contains("\"code\":10", "currentIndex");
        assertThat(fixture.json(fixture.asOwner("savePlayQueueByIndex", queued + "&currentIndex=2"))).contains("\"code\":10");
        assertThat(fixture.json(fixture.asOwner("savePlayQueueByIndex", queued + "&currentIndex=-1"))).contains("\"code\":10");

        fixture.json(fixture.asOwner("savePlayQueueByIndex", queued + "&currentIndex=0"));
        assertThat(fixture.json(fixture.asOwner("savePlayQueueByIndex", ""))).contains("\"status\":\"ok\"");
        assertThat(fixture.json(fixture.asOwner("getPlayQueueByIndex", ""))).doesNotContain("playQueueByIndex");
    }
}
