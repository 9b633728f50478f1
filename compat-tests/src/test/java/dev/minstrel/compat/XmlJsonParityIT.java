package dev.minstrel.compat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every response type in XML and in JSON: the XML valid against the XSD (OpenSubsonic additions
 * tolerated by the shared validator), the JSON carrying the same data under the mapping rules of
 * PROTOCOL.md 2.2 (see {@link XmlJsonParity}). Calls whose answer is random are made so that the
 * whole result set is returned (a filter narrower than the size) and compared as sets, ordered by
 * id on both sides: the same data, whatever order the server drew.
 */
@ExtendWith(LibraryServer.Extension.class)
class XmlJsonParityIT {

    static SubsonicClient owner;
    static String artistFolderId;
    static String artistId;
    static String albumId;
    static List<String> songIds;
    static String playlistId;

    @BeforeAll
    static void prepareUserData(LibraryServer library) {
        owner = library.owner("compat-parity");
        JsonNode found = owner.json("search3", "query", LibraryServer.HANDMADE_ALBUM, "artistCount", "0").path("searchResult3");
        albumId = found.path("album").get(0).path("id").asString();
        artistId = found.path("album").get(0).path("artistId").asString();
        songIds = new ArrayList<>();
        owner.json("getAlbum", "id", albumId).path("album").path("song").forEach(s -> songIds.add(s.path("id").asString()));
        for (JsonNode index : owner.json("getIndexes").path("indexes").path("index")) {
            for (JsonNode artist : index.path("artist")) {
                if (artist.path("name").asString().equals(LibraryServer.HANDMADE_ARTIST)) {
                    artistFolderId = artist.path("id").asString();
                }
            }
        }
        playlistId = owner.json("createPlaylist", "name", "Parity", "songId", songIds.get(0), "songId", songIds.get(2))
                .path("playlist").path("id").asString();
        owner.json("savePlayQueue", "id", songIds.get(0), "id", songIds.get(1), "current", songIds.get(1),
                "position", "5000");
        owner.json("createBookmark", "id", songIds.get(2), "position", "1234", "comment", "half way");
        owner.json("star", "id", songIds.get(0), "albumId", albumId, "artistId", artistId);
        owner.json("setRating", "id", songIds.get(0), "rating", "4");
        owner.json("scrobble", "id", songIds.get(1), "submission", "false");
    }

    /** One call of the matrix: how to make it, and how to put a random answer in a fixed order. */
    record Case(String label, String method, String[] params, String shuffledList, SubsonicClient client) {

        static Case of(String method, String... params) {
            return new Case(method + (params.length == 0 ? "" : " " + String.join(" ", params)), method, params, null, null);
        }

        Case shuffled(String listPath) {
            return new Case(label, method, params, listPath, client);
        }

        Case as(String label, SubsonicClient client) {
            return new Case(label, method, params, shuffledList, client);
        }
    }

    static List<Case> cases() {
        SubsonicClient stranger = owner.withPassword("not-the-password").from("198.51.100.40");
        SubsonicClient sameSalt = owner.withAuth(SubsonicClient.Auth.CACHED_TOKEN);
        return List.of(
                Case.of("ping"),
                Case.of("getLicense"),
                Case.of("getMusicFolders"),
                Case.of("getIndexes"),
                Case.of("getIndexes", "ifModifiedSince", Long.toString(System.currentTimeMillis() + 86_400_000L)),
                Case.of("getMusicDirectory", "id", artistFolderId),
                Case.of("getGenres"),
                Case.of("getArtists"),
                Case.of("getArtist", "id", artistId),
                Case.of("getAlbum", "id", albumId),
                Case.of("getSong", "id", songIds.get(0)),
                // image URLs are signed, the same for every call (once carried the caller's salt)
                Case.of("getArtistInfo2", "id", artistId).as("getArtistInfo2", sameSalt),
                Case.of("getAlbumInfo2", "id", albumId).as("getAlbumInfo2", sameSalt),
                Case.of("getAlbumList2", "type", "alphabeticalByName", "size", "500"),
                Case.of("getAlbumList2", "type", "newest", "size", "7", "offset", "3"),
                Case.of("getAlbumList2", "type", "byGenre", "genre", "Folk", "size", "500"),
                Case.of("getAlbumList2", "type", "byYear", "fromYear", "2030", "toYear", "1960", "size", "500"),
                Case.of("getAlbumList2", "type", "starred"),
                Case.of("getAlbumList2", "type", "random", "size", "500").shuffled("albumList2/album"),
                Case.of("getAlbumList", "type", "frequent", "size", "5"),
                Case.of("getRandomSongs", "size", "500", "genre", "Folk").shuffled("randomSongs/song"),
                Case.of("getSongsByGenre", "genre", "Folk", "count", "500"),
                Case.of("getStarred2"),
                Case.of("getStarred"),
                Case.of("search3", "query", "love", "songCount", "20"),
                Case.of("search3", "query", "zzzz-nothing"),
                Case.of("search2", "query", "love"),
                Case.of("getPlaylists"),
                Case.of("getPlaylist", "id", playlistId),
                Case.of("getPlayQueue"),
                Case.of("getBookmarks"),
                Case.of("getUser", "username", PackagedServer.OWNER),
                Case.of("getUsers"),
                Case.of("getScanStatus"),
                Case.of("getLyricsBySongId", "id", songIds.get(0)),
                Case.of("getLyricsBySongId", "id", songIds.get(2)),
                Case.of("getLyrics", "artist", LibraryServer.HANDMADE_ARTIST, "title", LibraryServer.PLAIN_LYRICS_TITLE),
                Case.of("getNowPlaying"),
                Case.of("getTopSongs", "artist", LibraryServer.HANDMADE_ARTIST),
                Case.of("getSimilarSongs2", "id", artistId, "count", "500").shuffled("similarSongs2/song"),
                Case.of("getOpenSubsonicExtensions"),
                Case.of("tokenInfo"),
                Case.of("getAlbum").as("error 10 (missing id)", owner),
                Case.of("ping").as("error 40 (wrong password)", stranger),
                Case.of("getAlbum", "id", "al-doesNotExist").as("error 70 (unknown id)", owner),
                Case.of("getPodcasts").as("error 0 (unavailable feature)", owner));
    }

    @TestFactory
    Stream<DynamicTest> everyResponseIsValidXmlAndItsJsonTwinCarriesTheSameData() {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            SubsonicClient client = c.client() == null ? owner : c.client();
            String xmlText = client.get(c.method(), null, c.params()).body();
            String jsonText = client.get(c.method(), "json", c.params()).body();

            Document xml = validate(c, xmlText);
            JsonNode json = SubsonicClient.parse(jsonText).path("subsonic-response");
            if (c.shuffledList() != null) {
                orderById(xml.getDocumentElement(), c.shuffledList().split("/"));
                orderById(json, c.shuffledList().split("/"));
            }
            assertThat(xml.getDocumentElement().getAttribute("status")).isEqualTo(json.path("status").asString());
            List<String> differences = new ArrayList<>(XmlJsonParity.differences(xml.getDocumentElement(), json));
            if (c.method().equals("getPlayQueue")) {
                // the XSD's xs:int for playQueue/@current, see validate(): a string id in JSON too
                differences.remove("subsonic-response/playQueue/@current: the XSD makes it a number, JSON has \""
                        + songIds.get(1) + "\"");
            }
            assertThat(differences).as(c.label() + "\nXML " + xmlText + "\nJSON " + jsonText).isEmpty();
        }));
    }

    /**
     * Validates against the XSD, with one documented exception: the XSD types
     * {@code playQueue/@current} as {@code xs:int}, but ids are strings everywhere else in the
     * schema and OpenSubsonic made {@code current} a string id (its errata to savePlayQueue), as
     * Navidrome and gonic send it. That attribute alone is checked here against the entries
     * instead; the rest of the response is validated as usual.
     */
    private static Document validate(Case c, String xmlText) {
        if (!c.method().equals("getPlayQueue")) {
            return XsdValidator.assertValid(c.label(), xmlText);
        }
        Document parsed = XsdValidator.parse(xmlText);
        Element queue = (Element) parsed.getElementsByTagNameNS(XsdValidator.NAMESPACE, "playQueue").item(0);
        assertThat(queue.getAttribute("current")).isEqualTo(songIds.get(1));
        XsdValidator.assertValid(c.label() + " (without playQueue/@current)",
                xmlText.replace(" current=\"" + queue.getAttribute("current") + "\"", ""));
        return parsed;
    }

    private static void orderById(Element root, String[] path) {
        Element parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            parent = (Element) parent.getElementsByTagNameNS(XsdValidator.NAMESPACE, path[i]).item(0);
        }
        List<Element> items = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(path[path.length - 1])) {
                items.add(e);
            }
        }
        assertThat(items).as("a random list to compare").isNotEmpty();
        items.forEach(parent::removeChild);
        items.sort(Comparator.comparing(e -> e.getAttribute("id")));
        items.forEach(parent::appendChild);
    }

    private static void orderById(JsonNode root, String[] path) {
        JsonNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.path(path[i]);
        }
        ArrayNode list = (ArrayNode) parent.get(path[path.length - 1]);
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        items.sort(Comparator.comparing(n -> n.path("id").asString()));
        ArrayNode sorted = list.removeAll();
        items.forEach(sorted::add);
        ((ObjectNode) parent).set(path[path.length - 1], sorted);
    }
}
