package dev.minstrel.subsonic.media;

import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTest {

    @TempDir
    static Path dir;
    static SubsonicFixture fixture;
    static byte[] audio;
    static String stream;

    @BeforeAll
    static void start() throws Exception {
        fixture = new SubsonicFixture(dir);
        audio = Files.readAllBytes(fixture.musicDir.resolve(fixture.dancingQueen.path()));
        stream = "/rest/stream.view?u=alice&p=sesame&c=test&id=" + fixture.dancingQueen.id();
    }

    private static byte[] get(String range, int status, String contentRange) {
        var spec = fixture.client.get().uri(stream + "&format=raw");
        if (range != null) {
            spec.header(HttpHeaders.RANGE, range);
        }
        var result = spec.exchange().expectStatus().isEqualTo(status)
                .expectHeader().valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "*")
                .expectBody(byte[].class).returnResult();
        if (contentRange != null) {
            assertThat(result.getResponseHeaders().getFirst(HttpHeaders.CONTENT_RANGE)).isEqualTo(contentRange);
        }
        return result.getResponseBody();
    }

    @Test
    void wholeFileWithTypeLengthAndValidators() {
        var result = fixture.client.get().uri(stream).exchange().expectStatus().isOk()
                .expectHeader().contentType("audio/mpeg")
                .expectHeader().contentLength(10_000)
                .expectBody(byte[].class).returnResult();
        assertThat(result.getResponseBody()).isEqualTo(audio);
        assertThat(result.getResponseHeaders().getETag()).isNotBlank();
        assertThat(result.getResponseHeaders().getLastModified()).isPositive();
    }

    @Test
    void rangesAreServedExactly() {
        assertThat(get("bytes=100-199", 206, "bytes 100-199/10000")).isEqualTo(Arrays.copyOfRange(audio, 100, 200));
        assertThat(get("bytes=-500", 206, "bytes 9500-9999/10000")).isEqualTo(Arrays.copyOfRange(audio, 9500, 10_000));
        assertThat(get("bytes=9000-", 206, "bytes 9000-9999/10000")).isEqualTo(Arrays.copyOfRange(audio, 9000, 10_000));
        assertThat(get("bytes=0-", 206, "bytes 0-9999/10000")).isEqualTo(audio);
    }

    @Test
    void aRangePastTheEndIs416WithTheLength() {
        get("bytes=20000-", 416, "bytes */10000");
    }

    private static org.springframework.test.web.reactive.server.EntityExchangeResult<byte[]> get(
            java.util.Map<String, String> headers) {
        var spec = fixture.client.get().uri(stream);
        headers.forEach(spec::header);
        return spec.exchange().expectBody(byte[].class).returnResult();
    }

    @Test
    void ifRangeWithTheCurrentValidatorGivesThePartAndAStaleOneTheWholeFile() {
        var whole = get(java.util.Map.of());
        String etag = whole.getResponseHeaders().getETag();
        String lastModified = whole.getResponseHeaders().getFirst(HttpHeaders.LAST_MODIFIED);

        var current = get(java.util.Map.of(HttpHeaders.RANGE, "bytes=100-199", HttpHeaders.IF_RANGE, etag));
        var currentDate = get(java.util.Map.of(HttpHeaders.RANGE, "bytes=100-199", HttpHeaders.IF_RANGE, lastModified));
        var staleTag = get(java.util.Map.of(HttpHeaders.RANGE, "bytes=100-199", HttpHeaders.IF_RANGE, "\"tr-old-1-1\""));
        var staleDate = get(java.util.Map.of(HttpHeaders.RANGE, "bytes=100-199",
                HttpHeaders.IF_RANGE, "Mon, 01 Jan 2001 00:00:00 GMT"));

        assertThat(current.getStatus().value()).isEqualTo(206);
        assertThat(currentDate.getStatus().value()).isEqualTo(206);
        assertThat(staleTag.getStatus().value()).isEqualTo(200);
        assertThat(staleTag.getResponseBody()).isEqualTo(audio);
        assertThat(staleDate.getStatus().value()).isEqualTo(200);
        assertThat(staleDate.getResponseBody()).isEqualTo(audio);
    }

    @Test
    void aRangeInAnUnknownUnitOrMalformedIsIgnored() {
        for (String range : new String[] {"items=0-5", "bytes=5-1", "bytes=abc", "bytes="}) {
            var result = get(java.util.Map.of(HttpHeaders.RANGE, range));
            assertThat(result.getStatus().value()).as(range).isEqualTo(200);
            assertThat(result.getResponseBody()).as(range).isEqualTo(audio);
        }
    }

    @Test
    void aMultiRangeWithOneSatisfiablePartAnswersThatPart() {
        byte[] part = get("bytes=20000-20010,100-199", 206, "bytes 100-199/10000");

        assertThat(part).isEqualTo(Arrays.copyOfRange(audio, 100, 200));
        get("bytes=20000-20010,30000-", 416, "bytes */10000");
    }

    @Test
    void aFileThatCannotBeReadIsAnErrorBeforeAnyByteIsPromised() throws Exception {
        Path file = fixture.musicDir.resolve(fixture.knowingMe.path());
        byte[] kept = Files.readAllBytes(file);
        Files.delete(file);
        Files.createDirectory(file); // there, but no file one can read: as a root-run test can make it
        try {
            var result = fixture.client.get().uri("/rest/stream?u=alice&p=sesame&c=test&id=" + fixture.knowingMe.id())
                    .exchange().expectStatus().isOk().expectHeader().contentType("text/xml;charset=UTF-8")
                    .expectBody(String.class).returnResult();

            assertThat(result.getResponseBody()).contains("status=\"failed\"", "cannot be read");
        } finally {
            Files.delete(file);
            Files.write(file, kept);
        }
    }

    @Test
    void headAnswersWithoutABody() {
        var result = fixture.client.head().uri(stream).exchange().expectStatus().isOk()
                .expectHeader().contentLength(10_000).expectBody(byte[].class).returnResult();
        assertThat(result.getResponseBody()).isNullOrEmpty();
    }

    @Test
    void errorsOnBinaryEndpointsComeInTheEnvelopeWithTextXml() {
        String xml = fixture.client.get().uri("/rest/stream?u=alice&p=sesame&c=test&id=tr-gone").exchange()
                .expectStatus().isOk().expectHeader().contentType("text/xml;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(xml).contains("status=\"failed\"", "<error code=\"70\"");
        fixture.client.get().uri("/rest/stream?u=alice&p=wrong&c=test&f=json&id=" + fixture.dancingQueen.id()).exchange()
                .expectStatus().isOk().expectHeader().contentType("application/json")
                .expectBody(String.class).consumeWith(r -> assertThat(r.getResponseBody()).contains("\"code\":40"));
    }

    @Test
    void downloadNeedsTheDownloadRoleAndIsAnAttachment() {
        fixture.client.get().uri("/rest/download?u=alice&p=sesame&c=test&id=" + fixture.soWhat.id()).exchange()
                .expectStatus().isOk().expectHeader().contentDisposition(
                        ContentDisposition.attachment().filename("01 So What.mp3",
                                StandardCharsets.UTF_8).build());
        assertThat(fixture.json(fixture.asFriend("download", "id=" + fixture.soWhat.id()))).contains("\"code\":50");
    }

    @Test
    void lyricsByArtistAndTitleAndStructuredBySongId() {
        assertThat(fixture.json(fixture.asOwner("getLyrics", "artist=abba&title=dancing%20queen")))
                .contains("\"lyrics\":{\"artist\":\"ABBA\",\"title\":\"Dancing Queen\",\"value\":\"You can dance\\nYou can jive\"}");
        assertThat(fixture.json(fixture.asOwner("getLyrics", "artist=abba&title=nothing"))).contains("\"lyrics\":{}");
        assertThat(fixture.json(fixture.asOwner("getLyricsBySongId", "id=" + fixture.dancingQueen.id())))
                .contains("\"lyricsList\":{\"structuredLyrics\":[{\"displayArtist\":\"ABBA\",\"displayTitle\":\"Dancing Queen\","
                        + "\"lang\":\"eng\",\"offset\":0,\"synced\":true,\"line\":[{\"start\":1000,\"value\":\"You can dance\"}");
        String xml = fixture.get(fixture.asOwner("getLyricsBySongId", "id=" + fixture.dancingQueen.id()).replace("f=json", "f=xml"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(xml).contains("<line start=\"1000\">You can dance</line>");
        assertThat(fixture.json(fixture.asOwner("getLyricsBySongId", "id=" + fixture.soWhat.id()))).contains("\"lyricsList\":{}");
    }
}
