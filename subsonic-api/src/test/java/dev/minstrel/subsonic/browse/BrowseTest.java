package dev.minstrel.subsonic.browse;

import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.subsonic.SubsonicFixture;
import dev.minstrel.subsonic.protocol.Authenticator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BrowseTest {

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;
    static String arrival;
    static String abba;

    @BeforeAll
    static void start() {
        fixture = new SubsonicFixture(dir);
        arrival = fixture.dancingQueen.albumId();
        abba = fixture.dancingQueen.artistId();
    }

    @Test
    void musicFoldersHaveIntegerIds() {
        assertThat(fixture.json(fixture.asOwner("getMusicFolders", "")))
                .contains("\"musicFolders\":{\"musicFolder\":[{\"id\":1,\"name\":\"Music\"}]}");
    }

    @Test
    void getAlbumJsonHasTypedFieldsArraysAndOpenSubsonicDefaults() {
        String body = fixture.json(fixture.asOwner("getAlbum", "id=" + arrival));
        assertThat(body).contains("\"album\":{\"id\":\"" + arrival + "\",\"name\":\"Arrival\",\"artist\":\"ABBA\"",
                "\"songCount\":2", "\"duration\":473", "\"created\":\"2026-11-24T12:00:00.123Z\"", "\"year\":1976",
                "\"genres\":[{\"name\":\"Pop\"}]", "\"song\":[{\"id\":\"" + fixture.dancingQueen.id() + "\"",
                "\"isDir\":false", "\"track\":1", "\"size\":10000", "\"bitRate\":320", "\"type\":\"music\"",
                "\"replayGain\":{\"trackGain\":-6.5,\"trackPeak\":0.98}", "\"moods\":[]", "\"bpm\":0", "\"comment\":\"\"",
                "\"path\":\"ABBA/Arrival/01 - Dancing Queen.mp3\"", "\"playCount\":0");
        assertThat(body).doesNotContain("null", "\"starred\"", "\"userRating\"");
    }

    @Test
    void getAlbumXmlPutsEveryElementInTheSubsonicNamespace() {
        String body = fixture.get(fixture.asOwner("getAlbum", "id=" + arrival).replace("f=json", "f=xml"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).startsWith("<subsonic-response xmlns=\"http://subsonic.org/restapi\" status=\"ok\"")
                .contains("><album id=\"" + arrival + "\"", "<song id=\"" + fixture.dancingQueen.id() + "\"",
                        "<genres name=\"Pop\"/>", "<replayGain trackGain=\"-6.5\" trackPeak=\"0.98\"/>")
                .doesNotContain("xmlns=\"\"");
        assertThat(body.split("xmlns=").length).isEqualTo(2);
    }

    @Test
    void legacyClientsGetNoOpenSubsonicFields() {
        String body = fixture.json("/rest/getAlbum.view?u=alice&p=sesame&v=1.2.0&c=DSub&f=json&id=" + arrival);
        assertThat(body).contains("\"title\":\"Dancing Queen\"").doesNotContain("replayGain", "genres", "\"bpm\"", "displayArtist");
    }

    @Test
    void getArtistsIndexesByLetterIgnoringArticles() {
        String body = fixture.json(fixture.asOwner("getArtists", ""));
        assertThat(body).contains("\"ignoredArticles\":\"The El La Los Las Le Les Die Der Das A An\"",
                "{\"name\":\"A\",\"artist\":[{\"id\":\"" + abba + "\",\"name\":\"ABBA\"",
                "{\"name\":\"B\",\"artist\":[{\"id\":\"" + fixture.comeTogether.artistId() + "\",\"name\":\"The Beatles\"");
    }

    @Test
    void getArtistListsItsAlbums() {
        assertThat(fixture.json(fixture.asOwner("getArtist", "id=" + abba)))
                .contains("\"albumCount\":1", "\"album\":[{\"id\":\"" + arrival + "\"");
    }

    @Test
    void getSongIsASingleObject() {
        assertThat(fixture.json(fixture.asOwner("getSong", "id=" + fixture.soWhat.id())))
                .contains("\"song\":{\"id\":\"" + fixture.soWhat.id() + "\"");
    }

    @Test
    void getIndexesBrowsesTheTopFoldersAndKeepsLooseSongsAsChildren() {
        String body = fixture.json(fixture.asOwner("getIndexes", ""));
        assertThat(body).contains("\"lastModified\":" + fixture.library.catalogue().lastModified().toEpochMilli(),
                "{\"name\":\"A\",\"artist\":[{\"id\":\"" + Ids.folderId("ABBA") + "\",\"name\":\"ABBA\"}]}",
                "{\"name\":\"B\",\"artist\":[{\"id\":\"" + Ids.folderId("The Beatles") + "\",\"name\":\"The Beatles\"}]}",
                "\"child\":[{\"id\":\"" + fixture.loose.id() + "\"");
    }

    @Test
    void getIndexesAnswersOnlyTheDateWhenNothingChanged() {
        long later = fixture.library.catalogue().lastModified().toEpochMilli() + 1;
        String body = fixture.json(fixture.asOwner("getIndexes", "ifModifiedSince=" + later));
        assertThat(body).contains("\"indexes\":{\"lastModified\":").doesNotContain("\"index\"", "\"child\"");
        assertThat(fixture.json(fixture.asOwner("getIndexes", "ifModifiedSince=-1"))).contains("\"index\"");
    }

    @Test
    void musicDirectoryOfFoldersArtistsAndAlbums() {
        assertThat(fixture.json(fixture.asOwner("getMusicDirectory", "id=" + Ids.folderId("ABBA"))))
                .contains("\"directory\":{\"id\":\"" + Ids.folderId("ABBA") + "\"", "\"name\":\"ABBA\"",
                        "\"child\":[{\"id\":\"" + Ids.folderId("ABBA/Arrival") + "\"", "\"isDir\":true");
        assertThat(fixture.json(fixture.asOwner("getMusicDirectory", "id=" + abba)))
                .contains("\"child\":[{\"id\":\"" + arrival + "\"", "\"isDir\":true");
        assertThat(fixture.json(fixture.asOwner("getMusicDirectory", "id=" + arrival)))
                .contains("\"title\":\"Dancing Queen\"");
        assertThat(fixture.json(fixture.asOwner("getMusicDirectory", "id=fo-missing"))).contains("\"code\":70");
    }

    @Test
    void anotherMusicFolderIdIsNotFound() {
        assertThat(fixture.json(fixture.asOwner("getArtists", "musicFolderId=2"))).contains("\"code\":70");
        assertThat(fixture.json(fixture.asOwner("getArtists", "musicFolderId=1"))).contains("\"status\":\"ok\"");
    }

    @Test
    void genresCarryTheirNameAsValue() {
        assertThat(fixture.json(fixture.asOwner("getGenres", "")))
                .contains("{\"songCount\":1,\"albumCount\":1,\"value\":\"Jazz\"}");
        String xml = fixture.get(fixture.asOwner("getGenres", "").replace("f=json", "f=xml"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(xml).contains("<genre songCount=\"1\" albumCount=\"1\">Jazz</genre>");
    }

    @Test
    void infoCallsUseLocalDataAndSignedImageUrlsWithoutCredentials() {
        String token = Authenticator.md5Hex("sesame" + "salt12");
        String body = fixture.json("/rest/getAlbumInfo2?u=alice&t=" + token + "&s=salt12&c=test&f=json&id=" + arrival);
        assertThat(body).contains("\"albumInfo\":{\"smallImageUrl\":\"/rest/getCoverArt?id=" + arrival + "_", "size=300&sig=",
                        "size=600&sig=", "size=1200&sig=")
                .doesNotContain(token, "salt12", "u=alice");
        assertThat(fixture.json(fixture.asOwner("getArtistInfo2", "id=" + abba)))
                .contains("\"artistInfo2\":{\"smallImageUrl\":\"/rest/getCoverArt?id=" + arrival + "_",
                        "\"similarArtist\":[{\"id\":\"" + fixture.loose.artistId() + "\",\"name\":\"Nobody\"")
                .doesNotContain("sesame");
        assertThat(fixture.json(fixture.asOwner("getArtistInfo2", "id=" + fixture.loose.artistId())))
                .as("no art, no URL").doesNotContain("ImageUrl");
    }

    @Test
    void similarAndTopSongsComeFromTheLocalLibrary() {
        assertThat(fixture.json(fixture.asOwner("getSimilarSongs2", "id=" + fixture.dancingQueen.id())))
                .contains("\"similarSongs2\":{\"song\":[", "Knowing Me").doesNotContain("\"title\":\"Dancing Queen\"");
        assertThat(fixture.json(fixture.asOwner("getTopSongs", "artist=abba"))).as("nothing played yet")
                .contains("\"topSongs\":{}");
        // Knowing Me twice (alice and bob), Dancing Queen once; the count is everyone's
        fixture.json(fixture.asOwner("scrobble", "id=" + fixture.knowingMe.id() + "&time=1700000000000"));
        fixture.json(fixture.asFriend("scrobble", "id=" + fixture.knowingMe.id() + "&time=1700000000000"));
        fixture.json(fixture.asFriend("scrobble", "id=" + fixture.dancingQueen.id() + "&time=1700000500000"));
        String top = fixture.json(fixture.asOwner("getTopSongs", "artist=abba"));
        assertThat(top.indexOf("Knowing Me")).isPositive().isLessThan(top.indexOf("Dancing Queen"));
        assertThat(fixture.json(fixture.asOwner("getTopSongs", "artist=abba&count=1"))).doesNotContain("Dancing Queen");
        assertThat(fixture.json(fixture.asOwner("getTopSongs", "artist=Nobody%20Else"))).contains("\"topSongs\":{}");
    }
}
