package dev.minstrel.subsonic.cover;

import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CoverArtTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;
    static byte[] cover;
    static String arrivalCoverArt;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SubsonicFixture(dir);
        cover = Files.readAllBytes(fixture.cover);
        arrivalCoverArt = response(fixture.asOwner("getAlbum", "id=" + fixture.dancingQueen.albumId()))
                .path("album").path("coverArt").asString();
    }

    private static JsonNode response(String uri) {
        return JSON.readTree(fixture.json(uri)).path("subsonic-response");
    }

    private static byte[] image(String uri) {
        return fixture.get(uri).expectStatus().isOk().expectHeader().contentType("image/png")
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    private static String createPlaylist(boolean owner, String name, String... songIds) {
        StringBuilder query = new StringBuilder("name=" + name);
        for (String id : songIds) {
            query.append("&songId=").append(id);
        }
        return response(owner ? fixture.asOwner("createPlaylist", query.toString())
                : fixture.asFriend("createPlaylist", query.toString())).path("playlist").path("id").asString();
    }

    @Test
    void artIsServedWithValidatorsAndRevalidates() throws Exception {
        var result = fixture.client.get().uri(fixture.asOwner("getCoverArt", "size=100&id=" + arrivalCoverArt))
                .exchange().expectStatus().isOk().expectHeader().contentType("image/png")
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=86400")
                .expectBody(byte[].class).returnResult();
        assertThat(result.getResponseBody()).isEqualTo(cover);
        String eTag = result.getResponseHeaders().getETag();
        fixture.client.get().uri(fixture.asOwner("getCoverArt", "size=100&id=" + arrivalCoverArt))
                .header(HttpHeaders.IF_NONE_MATCH, eTag).exchange().expectStatus().isNotModified();
        fixture.client.head().uri(fixture.asOwner("getCoverArt", "id=" + arrivalCoverArt))
                .exchange().expectStatus().isOk();
        assertThat(fixture.json(fixture.asOwner("getCoverArt", "id=" + fixture.soWhat.albumId()))).contains("\"code\":70");
    }

    @Test
    void idsCarryTheArtsVersionAndTheyAreAnsweredWithOrWithoutIt() {
        String album = fixture.dancingQueen.albumId();
        assertThat(arrivalCoverArt).isEqualTo(album + "_" + Long.toHexString(fixture.dancingQueen.modifiedMillis()));
        assertThat(response(fixture.asOwner("getSong", "id=" + fixture.dancingQueen.id())).path("song").path("coverArt")
                .asString()).isEqualTo(arrivalCoverArt);

        assertThat(image(fixture.asOwner("getCoverArt", "id=" + arrivalCoverArt))).isEqualTo(cover);
        assertThat(image(fixture.asOwner("getCoverArt", "id=" + album))).as("ids cached before versions").isEqualTo(cover);
        assertThat(image(fixture.asOwner("getCoverArt", "id=" + album + "_18c0ffee000"))).as("a stale version")
                .isEqualTo(cover);
    }

    @Test
    void aPlaylistIdAnswersTheArtOfItsFirstSongThatHasArt() {
        String id = createPlaylist(true, "Covered", fixture.soWhat.id(), fixture.knowingMe.id());

        assertThat(id).startsWith("pl-");
        assertThat(image(fixture.asOwner("getCoverArt", "size=60&id=" + id))).isEqualTo(cover);
        assertThat(image(fixture.asOwner("getCoverArt", "id=pl-" + id))).as("as clients build it: pl- and the id")
                .isEqualTo(cover);
        fixture.get(fixture.asOwner("getCoverArt", "id=" + id)).expectHeader()
                .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    @Test
    void playlistsNameArtThatGetCoverArtAnswers() {
        String id = createPlaylist(true, "Listed", fixture.soWhat.id(), fixture.dancingQueen.id());

        String listed = null;
        for (JsonNode playlist : response(fixture.asOwner("getPlaylists", "")).path("playlists").path("playlist")) {
            if (playlist.path("id").asString().equals(id)) {
                listed = playlist.path("coverArt").asString();
            }
        }
        String single = response(fixture.asOwner("getPlaylist", "id=" + id)).path("playlist").path("coverArt").asString();

        assertThat(listed).isEqualTo(single).isEqualTo(arrivalCoverArt);
        assertThat(image(fixture.asOwner("getCoverArt", "id=" + single))).isEqualTo(cover);
    }

    @Test
    void aPlaylistsArtIsOnlyForThoseWhoMaySeeIt() {
        String alices = createPlaylist(true, "Private", fixture.dancingQueen.id());

        assertThat(fixture.json(fixture.asFriend("getCoverArt", "id=" + alices))).contains("\"code\":70");
        fixture.json(fixture.asOwner("updatePlaylist", "playlistId=" + alices + "&public=true"));
        assertThat(image(fixture.asFriend("getCoverArt", "id=" + alices))).isEqualTo(cover);
    }

    @Test
    void aPlaylistWithoutArtOrWithoutSongsOrUnknownIs70() {
        String plain = createPlaylist(false, "Plain", fixture.soWhat.id(), fixture.comeTogether.id());
        String empty = createPlaylist(false, "Empty");

        assertThat(fixture.json(fixture.asFriend("getCoverArt", "id=" + plain))).contains("\"code\":70");
        assertThat(fixture.json(fixture.asFriend("getCoverArt", "id=" + empty))).contains("\"code\":70");
        assertThat(fixture.json(fixture.asFriend("getCoverArt", "id=pl-nothing"))).contains("\"code\":70");
        assertThat(response(fixture.asFriend("getPlaylist", "id=" + plain)).path("playlist").has("coverArt")).isFalse();
    }
}
