package dev.minstrel.compat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * stream and download of an MP3 and a FLAC under every kind of Range request a player sends
 * (RFC 7233), each body compared byte for byte with the file on disk; and errors on the binary
 * endpoints, which must come back as a Subsonic envelope, never as audio or an image.
 */
@ExtendWith(LibraryServer.Extension.class)
class RangeMatrixIT {

    private static final String MP3 = "01 " + LibraryServer.SYNCED_TITLE + ".mp3";
    private static final String FLAC = "03 " + LibraryServer.FLAC_TITLE + ".flac";

    static LibraryServer library;
    static SubsonicClient client;
    static final Map<String, String> idsByFile = new HashMap<>();
    static String flacCoverArt;

    @BeforeAll
    static void findTheFiles(LibraryServer server) {
        library = server;
        client = server.owner("DSub");
        JsonNode album = LibraryServer.handmadeAlbum(client);
        for (JsonNode song : client.json("getAlbum", "id", album.path("id").asString()).path("album").path("song")) {
            String title = song.path("title").asString();
            if (title.equals(LibraryServer.SYNCED_TITLE)) {
                idsByFile.put(MP3, song.path("id").asString());
            } else if (title.equals(LibraryServer.FLAC_TITLE)) {
                idsByFile.put(FLAC, song.path("id").asString());
                flacCoverArt = song.path("coverArt").asString();
            }
        }
        assertThat(idsByFile).containsOnlyKeys(MP3, FLAC);
    }

    private static byte[] file(String name) throws Exception {
        return Files.readAllBytes(library.handmade(name));
    }

    private static HttpResponse<byte[]> fetch(String method, String file, String range) {
        HttpRequest.Builder request = client.request(method, null, "id", idsByFile.get(file));
        if (range != null) {
            request.header("Range", range);
        }
        return client.getBytes(request.GET());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    @ParameterizedTest
    @ValueSource(strings = {MP3, FLAC})
    void theWholeFileWithItsLengthTypeAndRangeSupport(String name) throws Exception {
        byte[] bytes = file(name);

        HttpResponse<byte[]> response = fetch("stream", name, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Length")).isEqualTo(Long.toString(bytes.length));
        assertThat(header(response, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(header(response, "Content-Type")).isEqualTo(name.endsWith(".mp3") ? "audio/mpeg" : "audio/flac");
        assertThat(response.body()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {MP3, FLAC})
    void fromZeroIsTheWholeFileNeverA416(String name) throws Exception {
        byte[] bytes = file(name);

        HttpResponse<byte[]> response = fetch("stream", name, "bytes=0-");

        assertThat(response.statusCode()).isIn(200, 206);
        if (response.statusCode() == 206) {
            assertThat(header(response, "Content-Range")).isEqualTo("bytes 0-" + (bytes.length - 1) + "/" + bytes.length);
        }
        assertThat(header(response, "Content-Length")).isEqualTo(Long.toString(bytes.length));
        assertThat(response.body()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {MP3, FLAC})
    void aClosedRangeIsExactlyThoseBytes(String name) throws Exception {
        byte[] bytes = file(name);
        int from = bytes.length / 3;
        int to = from + 4095;

        HttpResponse<byte[]> response = fetch("stream", name, "bytes=" + from + "-" + to);

        assertPartial(response, bytes, from, to);
    }

    @ParameterizedTest
    @ValueSource(strings = {MP3, FLAC})
    void anOpenRangeResumesToTheEndAsDSubDoes(String name) throws Exception {
        byte[] bytes = file(name);
        int from = bytes.length / 2 + 7;

        HttpResponse<byte[]> response = fetch("stream", name, "bytes=" + from + "-");

        assertPartial(response, bytes, from, bytes.length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {MP3, FLAC})
    void aSuffixRangeIsTheLastBytes(String name) throws Exception {
        byte[] bytes = file(name);

        HttpResponse<byte[]> response = fetch("stream", name, "bytes=-1000");

        assertPartial(response, bytes, bytes.length - 1000, bytes.length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {MP3, FLAC})
    void anEndPastTheFileIsCutAtTheEnd(String name) throws Exception {
        byte[] bytes = file(name);

        HttpResponse<byte[]> response = fetch("stream", name, "bytes=100-" + (bytes.length + 5000));

        assertPartial(response, bytes, 100, bytes.length - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {MP3, FLAC})
    void aRangeStartingPastTheEndIs416WithTheLength(String name) throws Exception {
        byte[] bytes = file(name);

        HttpResponse<byte[]> atEnd = fetch("stream", name, "bytes=" + bytes.length + "-");
        HttpResponse<byte[]> beyond = fetch("stream", name, "bytes=" + (bytes.length + 10) + "-" + (bytes.length + 20));

        for (HttpResponse<byte[]> response : List.of(atEnd, beyond)) {
            assertThat(response.statusCode()).isEqualTo(416);
            assertThat(header(response, "Content-Range")).isEqualTo("bytes */" + bytes.length);
            assertThat(response.body()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MP3, FLAC})
    void severalRangesComeAsMultipartByteranges(String name) throws Exception {
        byte[] bytes = file(name);
        int lastStart = bytes.length - 50;

        HttpResponse<byte[]> response = fetch("stream", name, "bytes=0-99,1000-1999," + lastStart + "-");

        assertThat(response.statusCode()).isEqualTo(206);
        String type = header(response, "Content-Type");
        assertThat(type).startsWith("multipart/byteranges");
        List<Part> parts = multipart(response.body(), type.substring(type.indexOf("boundary=") + "boundary=".length()));
        assertThat(parts).hasSize(3);
        int[][] expected = {{0, 99}, {1000, 1999}, {lastStart, bytes.length - 1}};
        for (int i = 0; i < 3; i++) {
            int from = expected[i][0];
            int to = expected[i][1];
            assertThat(parts.get(i).headers()).as("part " + i)
                    .containsEntry("content-range", "bytes " + from + "-" + to + "/" + bytes.length);
            assertThat(parts.get(i).body()).as("part " + i).isEqualTo(Arrays.copyOfRange(bytes, from, to + 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MP3, FLAC})
    void headHasTheHeadersOfGetWithoutABody(String name) throws Exception {
        byte[] bytes = file(name);
        HttpResponse<byte[]> get = fetch("stream", name, null);

        HttpResponse<byte[]> head = client.getBytes(client.request("stream", null, "id", idsByFile.get(name))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(header(head, "Content-Length")).isEqualTo(Long.toString(bytes.length));
        for (String name2 : List.of("Content-Type", "Accept-Ranges", "ETag", "Last-Modified")) {
            assertThat(header(head, name2)).as(name2).isEqualTo(header(get, name2)).isNotNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {MP3, FLAC})
    void downloadIsTheOriginalAsAnAttachmentWithRangesToo(String name) throws Exception {
        byte[] bytes = file(name);

        HttpResponse<byte[]> whole = fetch("download", name, null);
        HttpResponse<byte[]> resumed = fetch("download", name, "bytes=" + (bytes.length - 777) + "-");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(header(whole, "Content-Disposition")).startsWith("attachment").contains(name.substring(name.length() - 5));
        assertThat(header(whole, "Content-Length")).isEqualTo(Long.toString(bytes.length));
        assertThat(whole.body()).isEqualTo(bytes);
        assertPartial(resumed, bytes, bytes.length - 777, bytes.length - 1);
    }

    @Test
    void coverArtIsAnImageWithValidators() {
        HttpResponse<byte[]> art = client.getBytes(client.request("getCoverArt", null, "id", flacCoverArt, "size", "100").GET());

        assertThat(art.statusCode()).isEqualTo(200);
        assertThat(header(art, "Content-Type")).startsWith("image/");
        assertThat(header(art, "ETag")).isNotBlank();
        assertThat(art.body().length).isGreaterThan(100);
        HttpResponse<byte[]> revalidated = client.getBytes(client.request("getCoverArt", null, "id", flacCoverArt,
                "size", "100").header("If-None-Match", header(art, "ETag")).GET());
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
    }

    @Test
    void errorsOnBinaryEndpointsAreSubsonicEnvelopesInTheRequestedFormat() {
        for (String method : List.of("stream", "download", "getCoverArt")) {
            HttpResponse<String> xml = client.get(method, null, "id", "tr-doesNotExist");
            assertThat(xml.statusCode()).as(method).isEqualTo(200);
            assertThat(xml.headers().firstValue("Content-Type")).as(method).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/xml"));
            Element root = XsdValidator.assertValid(method + " error", xml.body()).getDocumentElement();
            assertThat(root.getAttribute("status")).isEqualTo("failed");
            assertThat(((Element) root.getElementsByTagNameNS(XsdValidator.NAMESPACE, "error").item(0))
                    .getAttribute("code")).as(method).isEqualTo("70");

            HttpResponse<String> json = client.get(method, "json", "id", "tr-doesNotExist");
            assertThat(json.headers().firstValue("Content-Type")).as(method).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(SubsonicClient.parse(json.body()).at("/subsonic-response/error/code").asInt()).isEqualTo(70);

            HttpResponse<String> missing = client.get(method, null);
            assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
            assertThat(missing.body()).contains("code=\"10\"");
        }
    }

    private static void assertPartial(HttpResponse<byte[]> response, byte[] file, int from, int to) {
        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(header(response, "Content-Range")).isEqualTo("bytes " + from + "-" + to + "/" + file.length);
        assertThat(header(response, "Content-Length")).isEqualTo(Integer.toString(to - from + 1));
        assertThat(header(response, "Accept-Ranges")).isEqualTo("bytes");
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(file, from, to + 1));
    }

    record Part(Map<String, String> headers, byte[] body) {
    }

    /** Splits a multipart/byteranges body (RFC 7233 appendix A) into its parts. */
    static List<Part> multipart(byte[] body, String boundary) {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int lineEnd = at + delimiter.length;
            if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
                break;
            }
            int headersStart = indexOf(body, "\r\n".getBytes(StandardCharsets.US_ASCII), lineEnd) + 2;
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
            Map<String, String> headers = new HashMap<>();
            for (String line : new String(body, headersStart, headersEnd - headersStart, StandardCharsets.US_ASCII)
                    .split("\r\n")) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).trim());
            }
            int contentStart = headersEnd + 4;
            int next = indexOf(body, delimiter, contentStart);
            int contentEnd = next - 2;
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            content.write(body, contentStart, contentEnd - contentStart);
            parts.add(new Part(headers, content.toByteArray()));
            at = next;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
