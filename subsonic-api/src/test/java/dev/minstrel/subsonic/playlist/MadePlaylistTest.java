package dev.minstrel.subsonic.playlist;

import dev.minstrel.analytics.playlists.MadePlaylists;
import dev.minstrel.analytics.sharing.FriendsSee;
import dev.minstrel.analytics.sharing.ListenerSettings;
import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The playlists made from listening, as Subsonic apps see them: listed, read, read-only. */
class MadePlaylistTest {

    @TempDir
    Path dir;
    private SubsonicFixture fixture;

    @BeforeEach
    void start() {
        fixture = new SubsonicFixture(dir);
    }

    /** alice's app submits a play of {@code trackId} that began {@code ago} before now. */
    private void played(String trackId, Duration ago) {
        long at = SubsonicFixture.NOW.minus(ago).toEpochMilli();
        assertThat(fixture.json(fixture.asOwner("scrobble", "id=" + trackId + "&time=" + at))).contains("\"ok\"");
    }

    @Test
    void theTopOfTheWeekIsListedReadOnlyBesideOrdinaryPlaylists() {
        played(fixture.soWhat.id(), Duration.ofHours(3));
        played(fixture.dancingQueen.id(), Duration.ofHours(2));
        played(fixture.dancingQueen.id(), Duration.ofHours(1));

        String list = fixture.json(fixture.asOwner("getPlaylists", ""));
        assertThat(list).contains("\"id\":\"mp-top-week\"", "\"name\":\"Top 25 this week\"", "\"readonly\":true",
                "\"validUntil\":\"2026-11-25T12:01:00.123Z\"", "\"songCount\":2", "\"duration\":793");
        String playlist = fixture.json(fixture.asOwner("getPlaylist", "id=" + MadePlaylists.TOP_WEEK));
        assertThat(playlist).contains("\"owner\":\"alice\"", "\"public\":false");
        assertThat(playlist.indexOf(fixture.dancingQueen.id())).as("most played first")
                .isLessThan(playlist.indexOf(fixture.soWhat.id()));
    }

    @Test
    void legacyClientsGetThemWithoutTheOpenSubsonicFields() {
        played(fixture.soWhat.id(), Duration.ofHours(3));
        String list = fixture.json(fixture.asOwner("getPlaylists", "").replace("c=test", "c=DSub"));
        assertThat(list).contains("\"id\":\"mp-top-week\"").doesNotContain("readonly", "validUntil");
    }

    @Test
    void appsCannotChangeOrDeleteThem() {
        played(fixture.soWhat.id(), Duration.ofHours(3));
        String refusal = "is made by the server from listening and cannot be changed or deleted";
        assertThat(fixture.json(fixture.asOwner("updatePlaylist", "playlistId=mp-top-week&name=Mine")))
                .contains("\"code\":50", refusal);
        assertThat(fixture.json(fixture.asOwner("deletePlaylist", "id=mp-top-week"))).contains("\"code\":50", refusal);
        assertThat(fixture.json(fixture.asOwner("createPlaylist", "playlistId=mp-top-week&songId=" + fixture.loose.id())))
                .contains("\"code\":50");
        assertThat(fixture.json(fixture.asOwner("getPlaylist", "id=mp-top-week"))).contains("\"songCount\":1");
    }

    @Test
    void eachUserSeesTheirOwnAndNeverAnothersUnderTheSameId() {
        played(fixture.soWhat.id(), Duration.ofHours(3));
        assertThat(fixture.json(fixture.asFriend("getPlaylists", ""))).doesNotContain("mp-top-week");
        assertThat(fixture.json(fixture.asFriend("getPlaylist", "id=mp-top-week"))).contains("\"code\":70");
        assertThat(fixture.json(fixture.asOwner("getPlaylists", "username=bob"))).doesNotContain("mp-");
    }

    @Test
    void aListenReachesThemOnTheNextRefresh() {
        played(fixture.soWhat.id(), Duration.ofHours(3));
        assertThat(fixture.json(fixture.asOwner("getPlaylist", "id=mp-top-week"))).contains("\"songCount\":1");
        played(fixture.something.id(), Duration.ofHours(1));
        fixture.analytics.playlists().refresh();
        assertThat(fixture.json(fixture.asOwner("getPlaylist", "id=mp-top-week"))).contains("\"songCount\":2",
                fixture.something.id());
    }

    @Test
    void theCircleOnesAreEveryonesAndBelongToTheServer() {
        fixture.analytics.settings().save(SubsonicFixture.OWNER.id(), new ListenerSettings(true, FriendsSee.TOP_LISTS))
                .block();
        played(fixture.comeTogether.id(), Duration.ofHours(3));
        fixture.analytics.playlists().refresh();
        String playlist = fixture.json(fixture.asFriend("getPlaylist", "id=mp-circle-week"));
        assertThat(playlist).contains("\"name\":\"The circle this week\"", "\"owner\":\"Minstrel\"", "\"public\":true",
                "\"readonly\":true", fixture.comeTogether.id());
    }

    @Test
    void aUserWhoTurnedThemOffSeesNone() {
        played(fixture.soWhat.id(), Duration.ofHours(3));
        fixture.analytics.settings().save(SubsonicFixture.OWNER.id(), new ListenerSettings(false, FriendsSee.NOTHING))
                .block();
        assertThat(fixture.json(fixture.asOwner("getPlaylists", ""))).doesNotContain("mp-");
        assertThat(fixture.json(fixture.asOwner("getPlaylist", "id=mp-top-week"))).contains("\"code\":70");
    }

    @Test
    void theirCoverIsTheirFirstSongsArt() {
        played(fixture.dancingQueen.id(), Duration.ofHours(3));
        fixture.get(fixture.asOwner("getCoverArt", "id=mp-top-week")).expectStatus().isOk()
                .expectHeader().contentType("image/png");
    }
}
