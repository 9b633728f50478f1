package dev.minstrel.subsonic.playlist;

import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PlaylistTest {

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SubsonicFixture(dir);
    }

    private static String create(boolean owner, String name, String... songIds) {
        StringBuilder query = new StringBuilder("name=" + name);
        for (String id : songIds) {
            query.append("&songId=").append(id);
        }
        String body = fixture.json(owner ? fixture.asOwner("createPlaylist", query.toString())
                : fixture.asFriend("createPlaylist", query.toString()));
        Matcher m = Pattern.compile("\"playlist\":\\{\"id\":\"(pl-[^\"]+)\"").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void createReturnsThePlaylistWithItsEntriesInOrder() {
        String body = fixture.json(fixture.asOwner("createPlaylist", "name=Mix&songId=" + fixture.soWhat.id()
                + "&songId=" + fixture.dancingQueen.id() + "&songId=" + fixture.soWhat.id()));
        assertThat(body).contains("\"name\":\"Mix\"", "\"owner\":\"alice\"", "\"public\":false", "\"songCount\":3",
                "\"duration\":1355", "\"created\":\"2026-11-25T12:00:00.123Z\"");
        assertThat(body.indexOf(fixture.soWhat.id())).isLessThan(body.indexOf(fixture.dancingQueen.id()));
    }

    @Test
    void privatePlaylistsAreTheOwnersOnlyAndPublicOnesVisibleToAll() {
        String mine = create(true, "Private");
        assertThat(fixture.json(fixture.asFriend("getPlaylist", "id=" + mine))).contains("\"code\":70");
        assertThat(fixture.json(fixture.asFriend("getPlaylists", ""))).doesNotContain(mine);
        fixture.json(fixture.asOwner("updatePlaylist", "playlistId=" + mine + "&public=true"));
        assertThat(fixture.json(fixture.asFriend("getPlaylists", ""))).contains(mine);
        assertThat(fixture.json(fixture.asFriend("getPlaylist", "id=" + mine))).contains("\"public\":true");
    }

    @Test
    void onlyTheOwnerChangesOrDeletes() {
        String mine = create(true, "Shared", fixture.soWhat.id());
        fixture.json(fixture.asOwner("updatePlaylist", "playlistId=" + mine + "&public=true"));
        assertThat(fixture.json(fixture.asFriend("updatePlaylist", "playlistId=" + mine + "&name=Mine"))).contains("\"code\":50");
        assertThat(fixture.json(fixture.asFriend("deletePlaylist", "id=" + mine))).contains("\"code\":50");
        assertThat(fixture.json(fixture.asFriend("createPlaylist", "playlistId=" + mine + "&songId=" + fixture.loose.id())))
                .contains("\"code\":50");
        assertThat(fixture.json(fixture.asOwner("deletePlaylist", "id=" + mine))).contains("\"status\":\"ok\"");
        assertThat(fixture.json(fixture.asOwner("getPlaylist", "id=" + mine))).contains("\"code\":70");
    }

    @Test
    void updateAddsRemovesRenamesAndClearsTheComment() {
        String id = create(false, "Road", fixture.comeTogether.id(), fixture.something.id(), fixture.soWhat.id());
        fixture.json(fixture.asFriend("updatePlaylist", "playlistId=" + id + "&name=Trip&comment=for%20the%20car"
                + "&songIndexToRemove=0&songIndexToRemove=2&songIdToAdd=" + fixture.loose.id()));
        String body = fixture.json(fixture.asFriend("getPlaylist", "id=" + id));
        assertThat(body).contains("\"name\":\"Trip\"", "\"comment\":\"for the car\"", "\"songCount\":2");
        assertThat(body.indexOf(fixture.something.id())).isLessThan(body.indexOf(fixture.loose.id()));
        assertThat(body).doesNotContain("\"id\":\"" + fixture.comeTogether.id() + "\"");
        fixture.json(fixture.asFriend("updatePlaylist", "playlistId=" + id + "&comment="));
        assertThat(fixture.json(fixture.asFriend("getPlaylist", "id=" + id))).doesNotContain("for the car");
    }

    @Test
    void createWithAPlaylistIdReplacesTheSongs() {
        String id = create(false, "Replace", fixture.comeTogether.id());
        String body = fixture.json(fixture.asFriend("createPlaylist", "playlistId=" + id + "&songId=" + fixture.knowingMe.id()));
        assertThat(body).contains("\"songCount\":1", fixture.knowingMe.id()).doesNotContain(fixture.comeTogether.id());
    }

    @Test
    void theOwnerListsAFriendsPlaylistsByUsernameButAFriendCannot() {
        String bobs = create(false, "Bob%20only");
        assertThat(fixture.json(fixture.asOwner("getPlaylists", "username=bob"))).contains(bobs);
        assertThat(fixture.json(fixture.asFriend("getPlaylists", "username=alice"))).contains("\"code\":50");
    }

    private static List<Object> entries(String playlistId) {
        return fixture.rows("SELECT track_id FROM subsonic_playlist_entry WHERE playlist_id = '" + playlistId
                + "' ORDER BY position").stream().map(row -> row.get("TRACK_ID")).toList();
    }

    @Test
    void aSongThisLibraryDoesNotHoldIsNotFoundAndChangesNothing() {
        String id = create(true, "Known", fixture.comeTogether.id());

        assertThat(fixture.json(fixture.asOwner("createPlaylist", "playlistId=" + id + "&songId=" + fixture.soWhat.id()
                + "&songId=tr-" + "x".repeat(80)))).contains("\"code\":70");
        assertThat(fixture.json(fixture.asOwner("updatePlaylist", "playlistId=" + id + "&songIdToAdd=tr-missing")))
                .contains("\"code\":70");
        assertThat(entries(id)).containsExactly(fixture.comeTogether.id());
    }

    @Test
    void aNameOrCommentLongerThanTheDatabaseKeepsIsRefusedAsAnInvalidParameter() {
        assertThat(fixture.json(fixture.asOwner("createPlaylist", "name=" + "n".repeat(1001))))
                .contains("\"code\":10", "at most 1000 characters");
        String id = create(true, "Short");
        assertThat(fixture.json(fixture.asOwner("updatePlaylist", "playlistId=" + id + "&comment=" + "c".repeat(4001))))
                .contains("\"code\":10", "at most 4000 characters");
    }

    @Test
    void aReplacementThatFailsHalfWayLeavesThePlaylistAsItWas() throws Exception {
        String id = create(true, "Kept", fixture.comeTogether.id(), fixture.something.id());
        var before = fixture.rows("SELECT name, changed FROM subsonic_playlist WHERE id = '" + id + "'");

        String failed;
        try (var refused = fixture.refuseRows("subsonic_playlist_entry", fixture.dancingQueen.id())) {
            failed = fixture.json(fixture.asOwner("createPlaylist", "playlistId=" + id + "&name=Lost&songId="
                    + fixture.soWhat.id() + "&songId=" + fixture.loose.id() + "&songId=" + fixture.dancingQueen.id()));
        }

        assertThat(failed).contains("\"status\":\"failed\"");
        assertThat(entries(id)).containsExactly(fixture.comeTogether.id(), fixture.something.id());
        assertThat(fixture.rows("SELECT name, changed FROM subsonic_playlist WHERE id = '" + id + "'")).isEqualTo(before);
    }

    @Test
    void anUpdateThatFailsHalfWayChangesNothing() throws Exception {
        String id = create(false, "Steady", fixture.soWhat.id());

        String failed;
        try (var refused = fixture.refuseRows("subsonic_playlist_entry", fixture.dancingQueen.id())) {
            failed = fixture.json(fixture.asFriend("updatePlaylist", "playlistId=" + id + "&name=Shaky&public=true"
                    + "&songIndexToRemove=0&songIdToAdd=" + fixture.loose.id() + "&songIdToAdd=" + fixture.dancingQueen.id()));
        }

        assertThat(failed).contains("\"status\":\"failed\"");
        assertThat(entries(id)).containsExactly(fixture.soWhat.id());
        assertThat(fixture.json(fixture.asFriend("getPlaylist", "id=" + id)))
                .contains("\"name\":\"Steady\"", "\"public\":false", "\"songCount\":1");
    }

    @Test
    void aNewPlaylistThatFailsHalfWayIsNotCreated() throws Exception {
        int playlists = fixture.rows("SELECT id FROM subsonic_playlist").size();
        int allEntries = fixture.rows("SELECT track_id FROM subsonic_playlist_entry").size();

        String failed;
        try (var refused = fixture.refuseRows("subsonic_playlist_entry", fixture.dancingQueen.id())) {
            failed = fixture.json(fixture.asOwner("createPlaylist", "name=Half&songId=" + fixture.soWhat.id()
                    + "&songId=" + fixture.dancingQueen.id()));
        }

        assertThat(failed).contains("\"status\":\"failed\"");
        assertThat(fixture.rows("SELECT id FROM subsonic_playlist")).hasSize(playlists);
        assertThat(fixture.rows("SELECT track_id FROM subsonic_playlist_entry")).hasSize(allEntries);
        assertThat(fixture.json(fixture.asOwner("getPlaylists", ""))).doesNotContain("\"Half\"");
    }

    @Test
    void editsArrivingTogetherAllCountNoneIsLost() throws Exception {
        String id = create(false, "Together");
        List<String> songs = List.of(fixture.soWhat.id(), fixture.loose.id(), fixture.dancingQueen.id(),
                fixture.knowingMe.id(), fixture.comeTogether.id(), fixture.something.id());
        ExecutorService clients = Executors.newFixedThreadPool(songs.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (String song : songs) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return fixture.json(fixture.asFriend("updatePlaylist", "playlistId=" + id + "&songIdToAdd=" + song));
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).contains("\"status\":\"ok\"");
            }
        } finally {
            clients.shutdownNow();
        }

        assertThat(entries(id)).containsExactlyInAnyOrderElementsOf(songs);
    }
}
