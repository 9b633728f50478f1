package dev.minstrel.compat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cover art as apps fetch it from the packaged server: ids that carry the art's time (answered
 * with the version, without it, or with a stale one), a playlist's id, and the image URLs of
 * getArtistInfo2/getAlbumInfo2, which an app loads without any credentials and which must refuse
 * a tampered signature with a Subsonic error.
 */
@ExtendWith(LibraryServer.Extension.class)
class CoverArtIT {

    private static final String FLAC = "03 " + LibraryServer.FLAC_TITLE + ".flac";
    /** An HTTP client that knows no credentials, as an image loader is. */
    private static final HttpClient PLAIN = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static LibraryServer library;
    static SubsonicClient client;
    static String albumId;
    static String artistId;
    static String albumCoverArt;
    static String firstSongId;

    @BeforeAll
    static void findTheAlbum(LibraryServer server) {
        library = server;
        client = server.owner("compat-covers");
        JsonNode album = LibraryServer.handmadeAlbum(client);
        albumId = album.path("id").asString();
        artistId = album.path("artistId").asString();
        JsonNode full = client.json("getAlbum", "id", albumId).path("album");
        albumCoverArt = full.path("coverArt").asString();
        firstSongId = full.path("song").get(0).path("id").asString();
    }

    private static HttpResponse<byte[]> fetch(URI uri) {
        try {
            return PLAIN.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] image(String... params) {
        HttpResponse<byte[]> response = client.getBytes(client.request("getCoverArt", null, params).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(new String(response.body()))
                .startsWith("image/");
        return response.body();
    }

    private static BufferedImage decode(byte[] bytes) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(image).as("a decodable image").isNotNull();
        return image;
    }

    private static Element child(Element parent, String name) {
        return (Element) parent.getElementsByTagNameNS(XsdValidator.NAMESPACE, name).item(0);
    }

    @Test
    void coverArtIdsCarryTheArtsTimeAndAreAnsweredWithOrWithoutIt() throws Exception {
        long flacTime = Files.getLastModifiedTime(library.handmade(FLAC)).toMillis();

        assertThat(albumCoverArt).as("the album's art is the FLAC's embedded picture")
                .isEqualTo(albumId + "_" + Long.toHexString(flacTime));
        Element album = child(client.xml("getAlbum", "id", albumId), "album");
        assertThat(album.getAttribute("coverArt")).isEqualTo(albumCoverArt);

        byte[] versioned = image("id", albumCoverArt, "size", "64");
        assertThat(decode(versioned).getWidth()).isEqualTo(64);
        assertThat(image("id", albumId, "size", "64")).as("an id cached before versions").isEqualTo(versioned);
        assertThat(image("id", albumId + "_1", "size", "64")).as("a stale version").isEqualTo(versioned);
    }

    @Test
    void aPlaylistIdAnswersTheArtOfItsFirstSongThatHasArt() throws Exception {
        String playlist = client.json("createPlaylist", "name", "Covered", "songId", firstSongId)
                .path("playlist").path("id").asString();
        try {
            Element listed = null;
            Element playlists = child(client.xml("getPlaylists"), "playlists");
            for (int i = 0; i < playlists.getElementsByTagNameNS(XsdValidator.NAMESPACE, "playlist").getLength(); i++) {
                Element candidate = (Element) playlists.getElementsByTagNameNS(XsdValidator.NAMESPACE, "playlist").item(i);
                if (candidate.getAttribute("id").equals(playlist)) {
                    listed = candidate;
                }
            }
            assertThat(listed).isNotNull();
            assertThat(listed.getAttribute("coverArt")).isEqualTo(albumCoverArt);
            assertThat(child(client.xml("getPlaylist", "id", playlist), "playlist").getAttribute("coverArt"))
                    .isEqualTo(albumCoverArt);

            byte[] album = image("id", albumCoverArt, "size", "80");
            assertThat(image("id", playlist, "size", "80")).isEqualTo(album);
            assertThat(image("id", "pl-" + playlist, "size", "80")).as("pl- and the playlist's id").isEqualTo(album);
            assertThat(client.jsonError("getCoverArt", "id", "pl-nothing").path("code").asInt()).isEqualTo(70);
        } finally {
            client.json("deletePlaylist", "id", playlist);
        }
    }

    @Test
    void infoImageUrlsWorkWithoutCredentialsAndATamperedOneIsRefused() throws Exception {
        Element info = child(client.xml("getArtistInfo2", "id", artistId), "artistInfo2");
        String small = child(info, "smallImageUrl").getTextContent();
        String large = child(info, "largeImageUrl").getTextContent();
        String albumLarge = child(client.xml("getAlbumInfo2", "id", albumId), "albumInfo").getElementsByTagNameNS(
                XsdValidator.NAMESPACE, "largeImageUrl").item(0).getTextContent();

        assertThat(small).startsWith(library.server().uri("/rest/getCoverArt?").toString())
                .contains("id=" + albumCoverArt, "size=300", "sig=")
                .doesNotContain("u=", "t=", "s=", "p=", "apiKey", PackagedServer.OWNER_PASSWORD);
        assertThat(albumLarge).as("the same URL for the same image and size, whoever asked").isEqualTo(large);

        HttpResponse<byte[]> fetched = fetch(URI.create(small));
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/");
        assertThat(decode(fetched.body()).getWidth()).isEqualTo(300);
        assertThat(fetch(URI.create(large)).statusCode()).isEqualTo(200);

        String sig = small.substring(small.indexOf("sig=") + 4);
        String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
        for (String tampered : new String[]{small.replace(sig, flipped), small.replace("size=300", "size=1200"),
                small.replace("&sig=" + sig, "")}) {
            HttpResponse<byte[]> refused = fetch(URI.create(tampered));
            String body = new String(refused.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).as(tampered).startsWith("text/xml");
            Element root = XsdValidator.assertValid("tampered image URL", body).getDocumentElement();
            assertThat(root.getAttribute("status")).isEqualTo("failed");
            assertThat(child(root, "error").getAttribute("code")).as(tampered).isEqualTo("40");
        }
    }
}
