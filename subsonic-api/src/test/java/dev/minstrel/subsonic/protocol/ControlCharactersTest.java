package dev.minstrel.subsonic.protocol;

import dev.minstrel.subsonic.SubsonicFixture;
import dev.minstrel.subsonic.model.Payloads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A control character in one user's text must not break XML, the default format, for everyone:
 * texts are cleaned on the way in, and the writer copes with what is stored already.
 */
class ControlCharactersTest {

    private static final String NASTY = "Mix\u0001\u0008\uFFFF\uD800 tape";

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new SubsonicFixture(dir);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A call in XML, the default format, as alice or bob. */
    private static String xml(boolean owner, String method, String query) {
        String user = owner ? "u=alice&p=" + SubsonicFixture.OWNER_PASSWORD : "u=bob&p=" + SubsonicFixture.FRIEND_PASSWORD;
        return fixture.get("/rest/" + method + "?" + user + "&v=1.16.1&c=test&" + query).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private static Document parsed(String body) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + body, e);
        }
    }

    private static String status(String body) {
        return parsed(body).getDocumentElement().getAttribute("status");
    }

    @Test
    void aPublicPlaylistNamedWithControlCharactersIsStoredCleanAndReadableByEveryone() {
        // a lone surrogate cannot travel in a URL (the encoder makes it '?'), so the name leaves it out
        String created = xml(false, "createPlaylist", "name=" + encoded("Mix\u0001\u0008\uFFFF tape"));
        assertThat(status(created)).isEqualTo("ok");
        String id = parsed(created).getElementsByTagName("playlist").item(0).getAttributes().getNamedItem("id")
                .getNodeValue();
        xml(false, "updatePlaylist", "playlistId=" + id + "&public=true&comment=" + encoded("a\u0002b"));

        String listed = xml(true, "getPlaylists", "");

        assertThat(status(listed)).isEqualTo("ok");
        assertThat(listed).contains("name=\"Mix tape\"").contains("comment=\"ab\"");
    }

    @Test
    void aClientNameWithControlCharactersBreaksNeitherNowPlayingNorThePlayQueue() {
        String client = "c=" + encoded("Player\u0001\u001B");
        fixture.get("/rest/scrobble?u=bob&p=" + SubsonicFixture.FRIEND_PASSWORD + "&v=1.16.1&" + client + "&id="
                + fixture.soWhat.id() + "&submission=false").expectStatus().isOk();
        fixture.get("/rest/savePlayQueue?u=bob&p=" + SubsonicFixture.FRIEND_PASSWORD + "&v=1.16.1&" + client + "&id="
                + fixture.soWhat.id()).expectStatus().isOk();

        String playing = xml(true, "getNowPlaying", "");
        String queue = xml(false, "getPlayQueue", "");

        assertThat(status(playing)).isEqualTo("ok");
        assertThat(playing).contains("playerName=\"Player\"");
        assertThat(status(queue)).isEqualTo("ok");
        assertThat(queue).contains("changedBy=\"Player\"");
    }

    @Test
    void aBookmarkCommentWithControlCharactersIsStoredClean() {
        xml(true, "createBookmark", "id=" + fixture.loose.id() + "&position=5&comment=" + encoded("x\u0007y"));

        String bookmarks = xml(true, "getBookmarks", "");

        assertThat(status(bookmarks)).isEqualTo("ok");
        assertThat(bookmarks).contains("comment=\"xy\"");
    }

    @Test
    void textStoredBeforeCleaningStillGivesWellFormedXml() {
        fixture.database.sql("INSERT INTO subsonic_playlist (id, owner_id, name, comment, is_public, created, changed) "
                        + "VALUES ('pl-stored', 'u-bob', :name, :comment, TRUE, :now, :now)")
                .bind("name", NASTY).bind("comment", "\u0000old").bind("now", SubsonicFixture.NOW.toEpochMilli())
                .then().block();

        String listed = xml(true, "getPlaylists", "");

        assertThat(status(listed)).isEqualTo("ok");
        assertThat(listed).contains("pl-stored");
    }

    @Test
    void tagsWithControlCharactersAreWrittenAsWellFormedXml() {
        ResponseWriter writer = new ResponseWriter(SubsonicSettings.DEFAULTS);

        byte[] body = writer.ok(Format.XML, Reply.of("error", new Payloads.Error(0, "Title\u0001 from a tag\uDC00", null)));

        assertThat(status(new String(body, StandardCharsets.UTF_8))).isEqualTo("ok");
    }

    @Test
    void anErrorQuotingABadValueStaysWellFormedAndShort() {
        String body = xml(true, "getAlbumList2", "type=newest&size=" + encoded("\u0001" + "9".repeat(5000)));

        assertThat(status(body)).isEqualTo("failed");
        assertThat(body.length()).isLessThan(1000);
    }
}
