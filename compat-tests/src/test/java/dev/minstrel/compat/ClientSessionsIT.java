package dev.minstrel.compat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call sequences as the real apps make them (PROTOCOL.md section 6): start-up, browsing, syncing,
 * playing, seeking and scrobbling, each with that app's format, version, auth and URL style.
 * Every XML response is validated against the XSD; the assertions check the data the app would
 * show, and that ids agree from one call to the next.
 */
@ExtendWith(LibraryServer.Extension.class)
class ClientSessionsIT {

    static LibraryServer library;

    @BeforeAll
    static void start(LibraryServer server) {
        library = server;
    }

    private static SubsonicClient app(String name, String version, boolean view) {
        return new SubsonicClient(library.server(), PackagedServer.OWNER, PackagedServer.OWNER_PASSWORD, name, version, view);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertThat(found).as("<" + name + "> in <" + parent.getLocalName() + ">").hasSize(1);
        return found.get(0);
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    @Test
    void dSubBrowsesFoldersWithAnEncodedPasswordResumesAStreamAndScrobbles() throws Exception {
        SubsonicClient dsub = app("DSub", "1.2.0", true).withAuth(SubsonicClient.Auth.ENCODED_PASSWORD);

        dsub.xml("ping");
        assertThat(child(dsub.xml("getLicense"), "license").getAttribute("valid")).isEqualTo("true");
        Element folder = child(child(dsub.xml("getMusicFolders"), "musicFolders"), "musicFolder");
        assertThat(folder.getAttribute("id")).isEqualTo("1");

        Element indexes = child(dsub.xml("getIndexes", "musicFolderId", folder.getAttribute("id")), "indexes");
        assertThat(Long.parseLong(indexes.getAttribute("lastModified"))).isPositive();
        Map<String, String> artistFolders = new LinkedHashMap<>();
        for (Element index : children(indexes, "index")) {
            for (Element artist : children(index, "artist")) {
                artistFolders.put(artist.getAttribute("name"), artist.getAttribute("id"));
            }
        }
        assertThat(artistFolders).containsKeys(LibraryServer.HANDMADE_ARTIST, "Björk", "Compilations");

        Element artistDir = child(dsub.xml("getMusicDirectory", "id", artistFolders.get(LibraryServer.HANDMADE_ARTIST)),
                "directory");
        assertThat(artistDir.getAttribute("name")).isEqualTo(LibraryServer.HANDMADE_ARTIST);
        Element albumFolder = children(artistDir, "child").stream()
                .filter(c -> c.getAttribute("title").equals(LibraryServer.HANDMADE_ALBUM)).findFirst().orElseThrow();
        assertThat(albumFolder.getAttribute("isDir")).isEqualTo("true");

        Element albumDir = child(dsub.xml("getMusicDirectory", "id", albumFolder.getAttribute("id")), "directory");
        assertThat(albumDir.getAttribute("parent")).isEqualTo(artistDir.getAttribute("id"));
        List<Element> songs = children(albumDir, "child");
        assertThat(songs).extracting(s -> s.getAttribute("title")).containsExactly(LibraryServer.SYNCED_TITLE,
                LibraryServer.PLAIN_LYRICS_TITLE, LibraryServer.FLAC_TITLE);
        assertThat(songs).allSatisfy(s -> {
            assertThat(s.getAttribute("isDir")).isEqualTo("false");
            assertThat(s.getAttribute("parent")).isEqualTo(albumFolder.getAttribute("id"));
            assertThat(s.hasAttribute("displayArtist")).as("no OpenSubsonic fields for DSub").isFalse();
        });
        Element song = songs.get(0);
        byte[] file = Files.readAllBytes(library.handmade("01 " + LibraryServer.SYNCED_TITLE + ".mp3"));
        assertThat(song.getAttribute("size")).isEqualTo(Integer.toString(file.length));
        int playsBefore = Integer.parseInt(song.getAttribute("playCount").isEmpty() ? "0" : song.getAttribute("playCount"));

        // DSub caches one salt and token and resumes an interrupted download with Range: bytes=N-
        SubsonicClient cached = dsub.withAuth(SubsonicClient.Auth.CACHED_TOKEN);
        HttpResponse<byte[]> first = cached.getBytes(cached.request("stream", null, "id", song.getAttribute("id"))
                .header("Range", "bytes=0-9999").GET());
        HttpResponse<byte[]> resumed = cached.getBytes(cached.request("stream", null, "id", song.getAttribute("id"))
                .header("Range", "bytes=10000-").GET());
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(resumed.statusCode()).as("DSub appends only on 206").isEqualTo(206);
        byte[] joined = new byte[first.body().length + resumed.body().length];
        System.arraycopy(first.body(), 0, joined, 0, first.body().length);
        System.arraycopy(resumed.body(), 0, joined, first.body().length, resumed.body().length);
        assertThat(joined).isEqualTo(file);

        dsub.xml("scrobble", "id", song.getAttribute("id"), "submission", "true");
        Element after = children(child(dsub.xml("getMusicDirectory", "id", albumFolder.getAttribute("id")), "directory"),
                "child").get(0);
        assertThat(after.getAttribute("playCount")).isEqualTo(Integer.toString(playsBefore + 1));
        assertThat(after.hasAttribute("played")).as("OpenSubsonic's played is hidden from DSub").isFalse();
    }

    @Test
    void symfoniumSyncsEverySongOnceByPagingAnEmptySearch() {
        SubsonicClient symfonium = app("Symfonium", "1.13.0", true);
        symfonium.json("ping");
        JsonNode extensions = SubsonicClient.ok("getOpenSubsonicExtensions",
                symfonium.withAuth(SubsonicClient.Auth.NONE).get("getOpenSubsonicExtensions", "json"));
        assertThat(list(extensions.path("openSubsonicExtensions"))).extracting(e -> e.path("name").asString())
                .contains("formPost", "apiKeyAuthentication", "songLyrics");

        for (int pageSize : new int[]{500, 64}) {
            Set<String> seen = new HashSet<>();
            List<String> ids = new ArrayList<>();
            int offset = 0;
            int pages = 0;
            while (true) {
                JsonNode page = symfonium.json("search3", "query", "\"\"", "songCount", Integer.toString(pageSize),
                        "songOffset", Integer.toString(offset), "artistCount", "0", "albumCount", "0")
                        .path("searchResult3");
                List<JsonNode> songs = list(page.path("song"));
                pages++;
                songs.forEach(s -> {
                    ids.add(s.path("id").asString());
                    seen.add(s.path("id").asString());
                    assertThat(s.path("duration").isInt()).as("typed JSON numbers").isTrue();
                });
                offset += songs.size();
                if (songs.size() < pageSize) {
                    break;
                }
            }
            assertThat(ids).as("page size " + pageSize).hasSize(library.trackCount()).hasSameSizeAs(seen);
            assertThat(pages).isEqualTo(library.trackCount() / pageSize + 1);
        }

        List<JsonNode> albumsSeen = list(symfonium.json("search3", "query", "", "songCount", "0", "artistCount", "0",
                "albumCount", "500").path("searchResult3").path("album"));
        JsonNode artists = symfonium.json("getArtists").path("artists");
        List<JsonNode> allArtists = list(artists.path("index")).stream()
                .flatMap(index -> list(index.path("artist")).stream()).toList();
        assertThat(allArtists.stream().mapToInt(a -> a.path("albumCount").asInt()).sum())
                .as("every album under one album artist").isEqualTo(albumsSeen.size());
        JsonNode handmade = allArtists.stream()
                .filter(a -> a.path("name").asString().equals(LibraryServer.HANDMADE_ARTIST)).findFirst().orElseThrow();
        JsonNode artist = symfonium.json("getArtist", "id", handmade.path("id").asString()).path("artist");
        assertThat(artist.path("album").size()).isEqualTo(handmade.path("albumCount").asInt()).isEqualTo(1);
        JsonNode album = symfonium.json("getAlbum", "id", artist.path("album").get(0).path("id").asString()).path("album");
        assertThat(album.path("name").asString()).isEqualTo(LibraryServer.HANDMADE_ALBUM);
        assertThat(album.path("artistId").asString()).isEqualTo(handmade.path("id").asString());
        assertThat(album.path("songCount").asInt()).isEqualTo(album.path("song").size()).isEqualTo(3);
        assertThat(album.path("duration").asInt()).isEqualTo(30 + 12 + 20);
        assertThat(list(album.path("genres"))).extracting(g -> g.path("name").asString()).containsExactly("Folk");

        JsonNode song = album.path("song").get(1);
        int playsBefore = song.path("playCount").asInt();
        symfonium.json("scrobble", "id", song.path("id").asString(), "submission", "false");
        List<JsonNode> playing = list(symfonium.json("getNowPlaying").path("nowPlaying").path("entry"));
        assertThat(playing).anySatisfy(entry -> {
            assertThat(entry.path("id").asString()).isEqualTo(song.path("id").asString());
            assertThat(entry.path("username").asString()).isEqualTo(PackagedServer.OWNER);
            assertThat(entry.path("playerName").asString()).isEqualTo("Symfonium");
        });
        assertThat(symfonium.json("getSong", "id", song.path("id").asString()).path("song").path("playCount").asInt())
                .as("now playing is not a play").isEqualTo(playsBefore);

        // a play the app queued while offline, ten minutes ago: a whole listen, counted at once (a
        // submission for the play that started a moment ago would wait for the timeline: 30 s rule)
        symfonium.json("scrobble", "id", song.path("id").asString(), "submission", "true",
                "time", Long.toString(System.currentTimeMillis() - 600_000));
        assertThat(symfonium.json("getSong", "id", song.path("id").asString()).path("song").path("playCount").asInt())
                .isEqualTo(playsBefore + 1);
    }

    @Test
    void ultrasonicPingsWithAnEncodedPasswordThenSwitchesToTokens() {
        SubsonicClient first = app("UltraSonic for Android", "1.7.0", true).withAuth(SubsonicClient.Auth.ENCODED_PASSWORD);
        JsonNode ping = first.json("ping");
        assertThat(ping.path("version").asString()).isEqualTo("1.16.1");
        assertThat(ping.path("type").asString()).isEqualTo("minstrel");

        SubsonicClient then = app("UltraSonic for Android", "1.16.0", true);
        JsonNode folders = then.json("getMusicFolders").path("musicFolders").path("musicFolder");
        assertThat(folders.isArray()).isTrue();
        assertThat(folders.get(0).path("id").isInt()).as("musicFolder.id is an xs:int").isTrue();
        JsonNode newest = then.json("getAlbumList2", "type", "newest", "size", "1").path("albumList2").path("album");
        assertThat(newest.isArray()).as("a one-item list is still an array").isTrue();
        assertThat(newest).hasSize(1);
        assertThat(newest.get(0).path("id").isString()).as("ids are strings").isTrue();
    }

    @Test
    void amperfyUsesAFreshSaltEveryCallAndReadsStructuredLyrics() {
        SubsonicClient amperfy = app("Amperfy", "1.16.1", true);
        Map<String, String> ids = new LinkedHashMap<>();
        Element result = child(amperfy.xml("search3", "query", LibraryServer.HANDMADE_ALBUM, "artistCount", "0",
                "albumCount", "0"), "searchResult3");
        children(result, "song").forEach(s -> ids.put(s.getAttribute("title"), s.getAttribute("id")));
        assertThat(ids).containsKeys(LibraryServer.SYNCED_TITLE, LibraryServer.PLAIN_LYRICS_TITLE, LibraryServer.FLAC_TITLE);

        Element synced = child(child(amperfy.xml("getLyricsBySongId", "id", ids.get(LibraryServer.SYNCED_TITLE)),
                "lyricsList"), "structuredLyrics");
        assertThat(synced.getAttribute("synced")).isEqualTo("true");
        assertThat(synced.getAttribute("lang")).isEqualTo("en");
        assertThat(synced.getAttribute("displayTitle")).isEqualTo(LibraryServer.SYNCED_TITLE);
        assertThat(children(synced, "line")).extracting(l -> l.getAttribute("start") + "=" + l.getTextContent())
                .containsExactly("1000=First line", "12500=Second line");

        Element plain = child(child(amperfy.xml("getLyricsBySongId", "id", ids.get(LibraryServer.PLAIN_LYRICS_TITLE)),
                "lyricsList"), "structuredLyrics");
        assertThat(plain.getAttribute("synced")).isEqualTo("false");
        assertThat(children(plain, "line")).allSatisfy(l -> assertThat(l.hasAttribute("start")).isFalse())
                .extracting(Element::getTextContent).containsExactly("Plain one", "Plain two");

        Element none = child(amperfy.xml("getLyricsBySongId", "id", ids.get(LibraryServer.FLAC_TITLE)), "lyricsList");
        assertThat(children(none, "structuredLyrics")).isEmpty();

        assertThat(amperfy.uri("ping", null).getQuery()).isNotEqualTo(amperfy.uri("ping", null).getQuery());
    }

    @Test
    void feishinInABrowserGetsCorsOnPreflightOnCallsAndOnTheStream() {
        SubsonicClient feishin = app("Feishin", "1.13.0", true);
        String origin = "https://feishin.example";

        HttpResponse<String> preflight = feishin.send(feishin.request("getAlbumList2", "json", "type", "recent")
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "range")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(preflight.statusCode()).isIn(200, 204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("GET");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).containsIgnoringCase("range");

        HttpResponse<String> call = feishin.send(feishin.request("getAlbumList2", "json", "type", "alphabeticalByName",
                "size", "5").header("Origin", origin).GET().build());
        assertThat(call.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(SubsonicClient.ok("getAlbumList2", call).path("albumList2").path("album")).hasSize(5);

        String songId = feishin.json("getRandomSongs", "size", "1").path("randomSongs").path("song").get(0).path("id").asString();
        HttpResponse<byte[]> stream = feishin.getBytes(feishin.request("stream", null, "id", songId)
                .header("Origin", origin).header("Range", "bytes=0-99").GET());
        assertThat(stream.statusCode()).isEqualTo(206);
        assertThat(stream.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(stream.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
                .contains("Content-Range").contains("Accept-Ranges");
    }

    @Test
    void supersonicPostsFormsWithRepeatedSongIds() {
        SubsonicClient supersonic = app("Supersonic", "1.15.0", false);
        List<String> songIds = children(child(supersonic.xml("getRandomSongs", "size", "4"), "randomSongs"), "song")
                .stream().map(s -> s.getAttribute("id")).toList();
        assertThat(songIds).hasSize(4);

        HttpResponse<String> created = supersonic.postForm("createPlaylist", null, "name", "Road trip ✓",
                "songId", songIds.get(0), "songId", songIds.get(1), "songId", songIds.get(2));
        Element playlist = child(XsdValidator.assertValid("createPlaylist", created.body()).getDocumentElement(), "playlist");
        assertThat(playlist.getAttribute("name")).isEqualTo("Road trip ✓");
        assertThat(playlist.getAttribute("songCount")).isEqualTo("3");
        assertThat(playlist.hasAttribute("public")).isTrue();
        assertThat(children(playlist, "entry")).extracting(e -> e.getAttribute("id")).containsExactlyElementsOf(songIds.subList(0, 3));

        HttpResponse<String> updated = supersonic.postForm("updatePlaylist", null, "playlistId", playlist.getAttribute("id"),
                "songIdToAdd", songIds.get(3), "songIndexToRemove", "0");
        assertThat(XsdValidator.assertValid("updatePlaylist", updated.body()).getDocumentElement().getAttribute("status"))
                .isEqualTo("ok");
        Element fetched = child(supersonic.xml("getPlaylist", "id", playlist.getAttribute("id")), "playlist");
        assertThat(children(fetched, "entry")).extracting(e -> e.getAttribute("id"))
                .containsExactly(songIds.get(1), songIds.get(2), songIds.get(3));

        supersonic.postForm("deletePlaylist", null, "id", playlist.getAttribute("id"));
        assertThat(supersonic.get("getPlaylist", null, "id", playlist.getAttribute("id")).body()).contains("code=\"70\"");
    }

    @Test
    void tempoCallsWithoutViewAndSavesItsPlayQueue() {
        SubsonicClient tempo = app("Tempo", "1.15.0", false);
        assertThat(tempo.uri("ping", "json").getPath()).isEqualTo("/rest/ping");

        List<JsonNode> albums = list(tempo.json("getAlbumList2", "type", "alphabeticalByName", "size", "500")
                .path("albumList2").path("album"));
        List<JsonNode> searched = list(tempo.json("search3", "query", "", "songCount", "0", "artistCount", "0",
                "albumCount", "500").path("searchResult3").path("album"));
        assertThat(albums).extracting(a -> a.path("id").asString())
                .containsExactlyInAnyOrderElementsOf(searched.stream().map(a -> a.path("id").asString()).toList());
        assertThat(albums.stream().mapToInt(a -> a.path("songCount").asInt()).sum()).isEqualTo(library.trackCount()
                - untaggedOutsideAlbums(tempo));

        List<String> queue = Arrays.asList(list(tempo.json("getAlbum", "id", albums.get(0).path("id").asString())
                .path("album").path("song")).stream().map(s -> s.path("id").asString()).toArray(String[]::new));
        List<String> params = new ArrayList<>();
        queue.forEach(id -> {
            params.add("id");
            params.add(id);
        });
        params.addAll(List.of("current", queue.get(queue.size() - 1), "position", "4200"));
        tempo.json("savePlayQueue", params.toArray(String[]::new));
        JsonNode saved = tempo.json("getPlayQueue").path("playQueue");
        assertThat(list(saved.path("entry"))).extracting(e -> e.path("id").asString()).containsExactlyElementsOf(queue);
        assertThat(saved.path("current").asString()).isEqualTo(queue.get(queue.size() - 1));
        assertThat(saved.path("position").asLong()).isEqualTo(4200);
        assertThat(saved.path("changedBy").asString()).isEqualTo("Tempo");
    }

    /** Songs that search3 lists but no album holds (files without tags may have no album). */
    private static int untaggedOutsideAlbums(SubsonicClient client) {
        int outside = 0;
        int offset = 0;
        while (true) {
            List<JsonNode> songs = list(client.json("search3", "query", "", "songCount", "500", "songOffset",
                    Integer.toString(offset), "artistCount", "0", "albumCount", "0").path("searchResult3").path("song"));
            outside += (int) songs.stream().filter(s -> !s.has("albumId")).count();
            offset += songs.size();
            if (songs.size() < 500) {
                return outside;
            }
        }
    }
}
