package dev.minstrel.subsonic.cover;

import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
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

    private static String imageUrl(String method, String id, String field) {
        String element = method.startsWith("getArtistInfo") ? method.replace("getArtistInfo", "artistInfo") : "albumInfo";
        return response(fixture.asOwner(method, "id=" + id)).path(element).path(field).asString();
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

    @Test
    void infoImageUrlsAreSignedAndCarryNoCredentials() {
        String url = imageUrl("getArtistInfo2", fixture.dancingQueen.artistId(), "smallImageUrl");

        assertThat(url).startsWith("/rest/getCoverArt?id=" + arrivalCoverArt + "&size=300&sig=")
                .doesNotContain("u=", "p=", "t=", "s=", "apiKey", "sesame");
        assertThat(imageUrl("getArtistInfo", fixture.dancingQueen.artistId(), "largeImageUrl")).contains("size=1200");
        assertThat(imageUrl("getAlbumInfo2", fixture.dancingQueen.albumId(), "mediumImageUrl"))
                .startsWith("/rest/getCoverArt?id=" + arrivalCoverArt + "&size=600&sig=");
        String byApiKey = response("/rest/getArtistInfo2?apiKey=" + SubsonicFixture.OWNER_API_KEY + "&f=json&id="
                + fixture.dancingQueen.artistId()).path("artistInfo2").path("smallImageUrl").asString();
        assertThat(byApiKey).as("the same URL whoever asks, however they signed in").isEqualTo(url);
        assertThat(image(url)).as("fetched with no credentials at all").isEqualTo(cover);
        fixture.client.head().uri(URI.create(url)).exchange().expectStatus().isOk();
    }

    @Test
    void aTamperedOrMissingSignatureIsAnErrorInTheEnvelope() {
        String url = imageUrl("getAlbumInfo", fixture.dancingQueen.albumId(), "smallImageUrl");
        String sig = url.substring(url.indexOf("&sig=") + 5);
        String tampered = url.substring(0, url.length() - 2) + (url.endsWith("AA") ? "BB" : "AA");

        for (String bad : new String[]{tampered, url.replace("size=300", "size=600"),
                url.replace(arrivalCoverArt, fixture.comeTogether.id()), url.replace("&sig=" + sig, ""),
                url.replace("&sig=" + sig, "&sig="), url + "&id=" + fixture.comeTogether.id()}) {
            String xml = fixture.get(bad).expectStatus().isOk().expectHeader().contentType("text/xml;charset=UTF-8")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(xml).as(bad).contains("status=\"failed\"", "<error code=\"40\"");
        }
        assertThat(fixture.json(tampered + "&f=json")).contains("\"status\":\"failed\"", "\"code\":40");
    }

    @Test
    void aSignatureOpensNothingButCoverArt() {
        CoverArtUrls urls = new CoverArtUrls(SubsonicFixture.IMAGE_URL_KEY);
        String track = fixture.dancingQueen.id();
        String streamSig = urls.signature(track, null);
        assertThat(fixture.json("/rest/stream?f=json&id=" + track + "&sig=" + streamSig))
                .contains("\"status\":\"failed\"", "\"code\":10");
        assertThat(fixture.json("/rest/getSong?f=json&id=" + track + "&sig=" + streamSig)).contains("\"code\":10");

        String playlist = createPlaylist(true, "Signed", fixture.dancingQueen.id());
        assertThat(fixture.json("/rest/getCoverArt?f=json&id=" + playlist + "&sig=" + urls.signature(playlist, null)))
                .as("a playlist's art needs a caller who may see it").contains("\"code\":70");
        assertThat(fixture.json("/rest/getCoverArt?f=json&id=" + Ids.withoutVersion(arrivalCoverArt) + "&sig="
                + new CoverArtUrls("another server's key, 32 bytes +".getBytes()).signature(Ids.withoutVersion(arrivalCoverArt), null)))
                .as("another key's signature").contains("\"code\":40");
    }

    @Test
    void withCredentialsTheSignatureIsNotNeeded() {
        assertThat(image(fixture.asOwner("getCoverArt", "id=" + arrivalCoverArt + "&sig=whatever"))).isEqualTo(cover);
        assertThat(fixture.json("/rest/getCoverArt?u=alice&p=wrong&f=json&id=" + arrivalCoverArt + "&sig=whatever"))
                .as("wrong credentials are not saved by a signature").contains("\"code\":40");
    }
}
