package dev.minstrel.subsonic.annotation;

import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UserDataTest {

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SubsonicFixture(dir);
    }

    @Test
    void starAndUnstarSongsAlbumsAndArtistsTogether() {
        assertThat(fixture.json(fixture.asOwner("star", "id=" + fixture.knowingMe.id() + "&albumId="
                + fixture.comeTogether.albumId() + "&artistId=" + fixture.soWhat.artistId()))).contains("\"status\":\"ok\"");
        String starred = fixture.json(fixture.asOwner("getStarred2", ""));
        assertThat(starred).contains("\"artist\":[{\"id\":\"" + fixture.soWhat.artistId() + "\"",
                "\"album\":[{\"id\":\"" + fixture.comeTogether.albumId() + "\"", "\"song\":[{\"id\":\"" + fixture.knowingMe.id() + "\"");
        fixture.json(fixture.asOwner("unstar", "albumId=" + fixture.comeTogether.albumId()));
        assertThat(fixture.json(fixture.asOwner("getStarred2", ""))).doesNotContain("\"album\":[");
        assertThat(fixture.json(fixture.asOwner("star", "id=tr-unknown"))).contains("\"code\":70");
        assertThat(fixture.json(fixture.asOwner("star", ""))).contains("\"code\":10");
    }

    @Test
    void ratingIsSetAndClearedByZero() {
        fixture.json(fixture.asOwner("setRating", "id=" + fixture.something.id() + "&rating=5"));
        assertThat(fixture.json(fixture.asOwner("getSong", "id=" + fixture.something.id()))).contains("\"userRating\":5");
        fixture.json(fixture.asOwner("setRating", "id=" + fixture.something.id() + "&rating=0"));
        assertThat(fixture.json(fixture.asOwner("getSong", "id=" + fixture.something.id()))).doesNotContain("userRating");
        assertThat(fixture.json(fixture.asOwner("setRating", "id=" + fixture.something.id() + "&rating=6"))).contains("\"code\":10");
    }

    @Test
    void aSubmittedScrobbleIsAListenAtTheClientsTime() {
        fixture.json(fixture.asOwner("scrobble", "id=" + fixture.comeTogether.id() + "&submission=false"));
        assertThat(fixture.json(fixture.asOwner("getSong", "id=" + fixture.comeTogether.id())))
                .as("only announced as playing").contains("\"playCount\":0");
        fixture.json(fixture.asOwner("scrobble", "id=" + fixture.comeTogether.id() + "&time=1700000000"));

        List<Map<String, Object>> rows = fixture.rows("SELECT user_id, track_id, started_at, client, source FROM listen"
                + " WHERE track_id = '" + fixture.comeTogether.id() + "'");
        assertThat(rows).singleElement().satisfies(row -> assertThat(row).containsEntry("USER_ID", "u-alice")
                .containsEntry("CLIENT", "test").containsEntry("SOURCE", "submission")
                .containsEntry("STARTED_AT", 1_700_000_000_000L));
        assertThat(fixture.json(fixture.asOwner("getSong", "id=" + fixture.comeTogether.id())))
                .contains("\"playCount\":1", "\"played\":\"2023-11-14T22:13:20.000Z\"");
        assertThat(fixture.json(fixture.asOwner("getAlbum", "id=" + fixture.comeTogether.albumId())))
                .contains("\"album\":{\"id\":\"" + fixture.comeTogether.albumId() + "\"", "\"playCount\":1");
    }

    @Test
    void scrobbleNeedsOneTimePerIdAndKnownSongs() {
        assertThat(fixture.json(fixture.asOwner("scrobble", "id=" + fixture.comeTogether.id() + "&time=1&time=2")))
                .contains("\"code\":0");
        assertThat(fixture.json(fixture.asOwner("scrobble", "id=tr-unknown"))).contains("\"code\":70");
        assertThat(fixture.json(fixture.asOwner("scrobble", ""))).contains("\"code\":10");
    }

    @Test
    void deletingAUsersDataLeavesOtherUsersAlone() {
        fixture.json(fixture.asFriend("star", "id=" + fixture.loose.id()));
        fixture.json(fixture.asFriend("setRating", "id=" + fixture.loose.id() + "&rating=2"));
        fixture.json(fixture.asFriend("createPlaylist", "name=Gone&songId=" + fixture.loose.id()));
        fixture.json(fixture.asFriend("createBookmark", "id=" + fixture.loose.id() + "&position=5"));
        fixture.json(fixture.asFriend("savePlayQueue", "id=" + fixture.loose.id()));
        fixture.json(fixture.asOwner("createPlaylist", "name=Kept&songId=" + fixture.loose.id()));
        assertThat(fixture.json(fixture.asFriend("getSong", "id=" + fixture.loose.id()))).contains("\"userRating\":2");

        fixture.api.forgetUser(SubsonicFixture.FRIEND.id()).block();

        assertThat(fixture.json(fixture.asFriend("getSong", "id=" + fixture.loose.id())))
                .doesNotContain("userRating", "starred");
        for (String table : List.of("subsonic_star", "subsonic_rating", "subsonic_bookmark", "subsonic_play_queue",
                "subsonic_play_queue_entry")) {
            assertThat(fixture.rows("SELECT * FROM " + table + " WHERE user_id = 'u-bob'")).as(table).isEmpty();
        }
        assertThat(fixture.rows("SELECT name FROM subsonic_playlist")).extracting(row -> row.get("NAME"))
                .containsExactly("Kept");
        assertThat(fixture.rows("SELECT COUNT(*) AS n FROM subsonic_playlist_entry")).singleElement()
                .satisfies(row -> assertThat(row.get("N")).isEqualTo(1L));
    }

    @Test
    void nowPlayingShowsWhatWasAnnounced() {
        fixture.json(fixture.asFriend("scrobble", "id=" + fixture.soWhat.id() + "&submission=false"));
        String body = fixture.json(fixture.asOwner("getNowPlaying", ""));
        assertThat(body).contains("\"entry\":[{\"id\":\"" + fixture.soWhat.id() + "\"", "\"username\":\"bob\"",
                "\"minutesAgo\":0", "\"playerName\":\"test\"");
    }

    @Test
    void playQueueRoundTripsAndClears() {
        fixture.json(fixture.asFriend("savePlayQueue", "id=" + fixture.soWhat.id() + "&id=" + fixture.something.id()
                + "&current=" + fixture.something.id() + "&position=61000"));
        String body = fixture.json(fixture.asFriend("getPlayQueue", ""));
        assertThat(body).contains("\"playQueue\":{\"current\":\"" + fixture.something.id() + "\",\"position\":61000,"
                        + "\"username\":\"bob\",\"changed\":\"2026-11-25T12:00:00.123Z\",\"changedBy\":\"test\"",
                "\"entry\":[{\"id\":\"" + fixture.soWhat.id() + "\"");
        assertThat(fixture.json(fixture.asFriend("savePlayQueue", "id=" + fixture.soWhat.id() + "&current=tr-other")))
                .contains("\"code\":10");
        fixture.json(fixture.asFriend("savePlayQueue", ""));
        assertThat(fixture.json(fixture.asFriend("getPlayQueue", ""))).doesNotContain("playQueue");
    }

    @Test
    void bookmarksAreCreatedListedAndDeleted() {
        fixture.json(fixture.asOwner("createBookmark", "id=" + fixture.soWhat.id() + "&position=5000&comment=solo"));
        fixture.json(fixture.asOwner("createBookmark", "id=" + fixture.soWhat.id() + "&position=7000&comment=solo"));
        String body = fixture.json(fixture.asOwner("getBookmarks", ""));
        assertThat(body).contains("\"bookmark\":[{\"position\":7000,\"username\":\"alice\",\"comment\":\"solo\"",
                "\"entry\":{\"id\":\"" + fixture.soWhat.id() + "\"");
        fixture.json(fixture.asOwner("deleteBookmark", "id=" + fixture.soWhat.id()));
        assertThat(fixture.json(fixture.asOwner("getBookmarks", ""))).contains("\"bookmarks\":{}");
    }

    @Test
    void usersSeeThemselvesAndOnlyTheOwnerSeesEveryone() {
        assertThat(fixture.json(fixture.asFriend("getUser", "username=bob"))).contains("\"username\":\"bob\"",
                "\"adminRole\":false", "\"downloadRole\":false", "\"streamRole\":true", "\"folder\":[1]");
        assertThat(fixture.json(fixture.asFriend("getUser", "username=alice"))).contains("\"code\":50");
        assertThat(fixture.json(fixture.asFriend("getUsers", ""))).contains("\"code\":50");
        assertThat(fixture.json(fixture.asOwner("getUsers", ""))).contains("\"username\":\"alice\"", "\"username\":\"bob\"");
        assertThat(fixture.json(fixture.asOwner("getUser", "username=bob"))).contains("\"username\":\"bob\"");
    }

    @Test
    void onlyTheOwnerStartsAScan() {
        assertThat(fixture.json(fixture.asFriend("startScan", ""))).contains("\"code\":50");
        assertThat(fixture.library.scanStarted).isFalse();
        assertThat(fixture.json(fixture.asOwner("startScan", ""))).contains("\"scanStatus\":{\"scanning\":false,\"count\":6");
        assertThat(fixture.library.scanStarted).isTrue();
        assertThat(fixture.json(fixture.asFriend("getScanStatus", ""))).contains("\"folderCount\":5",
                "\"lastScan\":\"2026-11-25T11:00:00.123Z\"");
    }

    @Test
    void theScanStatusCountsUnreadableFilesForAllAndNamesThemWithReasonsForTheOwner() {
        assertThat(fixture.json(fixture.asFriend("getScanStatus", ""))).contains("\"unreadableCount\":1")
                .doesNotContain("Freddie");
        assertThat(fixture.json(fixture.asOwner("getScanStatus", ""))).contains("\"unreadableCount\":1",
                "\"unreadable\":[{\"path\":\"Miles Davis/Kind of Blue/02 Freddie.mp3\",\"reason\":\"the file is empty\"}]");
    }
}
