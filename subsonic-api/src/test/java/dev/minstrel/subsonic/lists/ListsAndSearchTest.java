package dev.minstrel.subsonic.lists;

import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ListsAndSearchTest {

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SubsonicFixture(dir);
        // bob plays So What twice (offline, sent in one call) and Arrival once, rates Abbey Road, stars Kind of Blue
        fixture.json(fixture.asFriend("scrobble", "id=" + fixture.soWhat.id() + "&id=" + fixture.soWhat.id()
                + "&time=1699999000000&time=1700000100000"));
        fixture.json(fixture.asFriend("scrobble", "id=" + fixture.dancingQueen.id() + "&time=1700000200000"));
        fixture.json(fixture.asFriend("setRating", "id=" + fixture.comeTogether.albumId() + "&rating=4"));
        fixture.json(fixture.asFriend("star", "albumId=" + fixture.soWhat.albumId()));
    }

    private static List<String> names(String json, String field) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<String> albums(String type, String extra) {
        // as DSub, a legacy client: no OpenSubsonic genre or artist names beside the album names
        return names(fixture.json(fixture.asFriend("getAlbumList2", "type=" + type + extra).replace("c=test", "c=DSub")), "name");
    }

    @Test
    void aRandomListPagedWithOffsetWalksEveryAlbumOnce() {
        for (String list : List.of("getAlbumList2", "getAlbumList")) {
            for (int walk = 0; walk < 5; walk++) {
                List<String> seen = new ArrayList<>();
                for (int offset = 0; offset < 5; offset++) {
                    String page = fixture.json(fixture.asFriend(list, "type=random&size=1&offset=" + offset)
                            .replace("c=test", "c=DSub"));
                    seen.addAll(list.equals("getAlbumList2") ? names(page, "name") : names(page, "title"));
                }
                assertThat(seen).as(list + ", walk " + walk)
                        .containsExactlyInAnyOrder("Abbey Road", "Arrival", "Kind of Blue", "Singles");
            }
        }
    }

    @Test
    void everyAlbumListType() {
        assertThat(albums("alphabeticalByName", "")).containsExactly("Abbey Road", "Arrival", "Kind of Blue", "Singles");
        assertThat(albums("alphabeticalByArtist", "")).containsExactly("Arrival", "Abbey Road", "Kind of Blue", "Singles");
        assertThat(albums("newest", "&size=2")).hasSize(2);
        assertThat(albums("random", "&size=10")).containsExactlyInAnyOrder("Abbey Road", "Arrival", "Kind of Blue", "Singles");
        assertThat(albums("frequent", "")).containsExactly("Kind of Blue", "Arrival");
        assertThat(albums("recent", "")).containsExactly("Arrival", "Kind of Blue");
        assertThat(albums("highest", "")).containsExactly("Abbey Road");
        assertThat(albums("starred", "")).containsExactly("Kind of Blue");
        assertThat(albums("byYear", "&fromYear=1960&toYear=1980")).containsExactly("Abbey Road", "Arrival");
        assertThat(albums("byYear", "&fromYear=1980&toYear=1950")).containsExactly("Arrival", "Abbey Road", "Kind of Blue");
        assertThat(albums("byGenre", "&genre=rock")).containsExactly("Abbey Road");
        assertThat(albums("alphabeticalByName", "&size=2&offset=1")).containsExactly("Arrival", "Kind of Blue");
        assertThat(fixture.json(fixture.asFriend("getAlbumList2", "type=sideways"))).contains("\"code\":10");
        assertThat(fixture.json(fixture.asFriend("getAlbumList2", "type=byYear"))).contains("\"code\":10", "fromYear");
    }

    @Test
    void emptyListsAreEmptyObjects() {
        assertThat(fixture.json(fixture.asOwner("getAlbumList2", "type=starred"))).contains("\"albumList2\":{}");
    }

    @Test
    void playCountsAndStarsShowOnAlbumsAndSongs() {
        String body = fixture.json(fixture.asFriend("getAlbum", "id=" + fixture.soWhat.albumId()));
        assertThat(body).contains("\"playCount\":2", "\"starred\":\"2026-11-25T12:00:00.123Z\"",
                "\"played\":\"2023-11-14T22:15:00.000Z\"");
    }

    @Test
    void legacyAlbumListGivesDirectories() {
        String body = fixture.json(fixture.asFriend("getAlbumList", "type=alphabeticalByName&size=1"));
        assertThat(body).contains("\"albumList\":{\"album\":[{\"id\":\"" + fixture.comeTogether.albumId() + "\"", "\"isDir\":true",
                "\"title\":\"Abbey Road\"");
    }

    @Test
    void randomSongsAndSongsByGenre() {
        assertThat(names(fixture.json(fixture.asFriend("getRandomSongs", "size=10&genre=Pop&fromYear=1970")), "title"))
                .containsExactlyInAnyOrder("Dancing Queen", "Knowing Me, Knowing You");
        assertThat(names(fixture.json(fixture.asFriend("getSongsByGenre", "genre=Rock&count=1&offset=1")), "title"))
                .containsExactly("Something");
    }

    @Test
    void starredListsEachKind() {
        assertThat(fixture.json(fixture.asFriend("getStarred2", ""))).contains("\"starred2\":{\"album\":[{\"id\":\""
                + fixture.soWhat.albumId() + "\"");
        assertThat(fixture.json(fixture.asFriend("getStarred", ""))).contains("\"starred\":{\"album\":[{\"id\":\""
                + fixture.soWhat.albumId() + "\"", "\"isDir\":true");
    }

    @Test
    void search3FindsByWordPrefix() {
        String body = fixture.json(fixture.asOwner("search3", "query=dancing"));
        assertThat(names(body, "title")).containsExactly("Dancing Queen");
        assertThat(body).doesNotContain("\"artist\":[", "\"album\":[");
    }

    @Test
    void search3WithAnEmptyQueryPagesThroughEverythingWithSeparateOffsets() {
        List<String> songs = new ArrayList<>();
        for (int offset = 0; offset < 8; offset += 2) {
            String body = fixture.json(fixture.asOwner("search3", "query=%22%22&songCount=2&songOffset=" + offset
                    + "&artistCount=0&albumCount=1&albumOffset=3"));
            songs.addAll(names(body, "title"));
            assertThat(body).contains("\"album\":[{\"id\":\"" + fixture.loose.albumId() + "\"");
        }
        assertThat(songs).hasSize(6).doesNotHaveDuplicates();
        assertThat(names(fixture.json(fixture.asOwner("search3", "query=&artistCount=10&albumCount=0&songCount=0")), "name"))
                .containsExactly("ABBA", "The Beatles", "Miles Davis", "Nobody");
    }

    @Test
    void search2UsesTheFolderModelTypes() {
        assertThat(fixture.json(fixture.asOwner("search2", "query=abbey")))
                .contains("\"searchResult2\":{\"album\":[{\"id\":\"" + fixture.comeTogether.albumId() + "\"", "\"isDir\":true");
    }
}
