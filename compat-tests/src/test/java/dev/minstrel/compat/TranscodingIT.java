package dev.minstrel.compat;

import dev.minstrel.library.fixtures.AudioOnDisk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The call sequences of DSub, Symfonium and Feishin for transcoded streams, against the packaged
 * server with the machine's ffmpeg, over real HTTP; every output is measured with ffprobe, and the
 * server's child processes are looked at to see that no ffmpeg outlives its client.
 */
class TranscodingIT {

    static final int SECONDS = 30;

    static Path root;
    static PackagedServer server;
    static String mp3;
    static String flac;
    static byte[] mp3Original;

    @BeforeAll
    static void start() throws IOException {
        root = Files.createTempDirectory("minstrel-transcoding-");
        Path album = root.resolve("music/Tone Generator/Tones");
        AudioOnDisk.tone(album.resolve("01 Loud.mp3"), SECONDS, "Loud", "-c:a", "libmp3lame", "-b:a", "320k");
        AudioOnDisk.tone(album.resolve("02 Lossless.flac"), SECONDS, "Lossless", "-c:a", "flac");
        mp3Original = Files.readAllBytes(album.resolve("01 Loud.mp3"));
        server = PackagedServer.start(root.resolve("music"), root.resolve("data"), java.util.Map.of(
                "MINSTREL_LIBRARY_WATCH", "false", "MINSTREL_LIBRARY_SCAN_INTERVAL", "0"));
        SubsonicClient owner = SubsonicClient.owner(server, "compat-fixture");
        LibraryServer.awaitScan(owner, Duration.ofSeconds(90));
        mp3 = songId(owner, "Loud");
        flac = songId(owner, "Lossless");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String songId(SubsonicClient client, String title) {
        return client.json("search3", "query", title, "artistCount", "0", "albumCount", "0")
                .path("searchResult3").path("song").get(0).path("id").asString();
    }

    private static byte[] bytes(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void dsubAsksFor96KbpsMp3AndGetsIt() {
        SubsonicClient dsub = new SubsonicClient(server, PackagedServer.OWNER, PackagedServer.OWNER_PASSWORD, "DSub",
                "1.2.0", true).withAuth(SubsonicClient.Auth.ENCODED_PASSWORD);
        var response = dsub.getBytes(dsub.request("stream", null, "id", mp3, "maxBitRate", "96", "format", "mp3"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        var probe = AudioOnDisk.probe(bytes(response), root);
        assertThat(probe.codec()).isEqualTo("mp3");
        assertThat(probe.streamBitRate()).isEqualTo(96_000);
        assertThat(probe.seconds()).isCloseTo(SECONDS, within(0.5));

        // DSub resumes with a Range even on a transcode: a live one answers everything (200), which
        // restarts it cleanly; the one just played in full is a cached file with real ranges
        var live = dsub.getBytes(dsub.request("stream", null, "id", mp3, "maxBitRate", "80", "format", "mp3")
                .header("Range", "bytes=50000-"));
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(AudioOnDisk.probe(live.body(), root).seconds()).isCloseTo(SECONDS, within(0.5));
        var cached = dsub.getBytes(dsub.request("stream", null, "id", mp3, "maxBitRate", "96", "format", "mp3")
                .header("Range", "bytes=50000-"));
        assertThat(cached.statusCode()).isEqualTo(206);
        assertThat(cached.headers().firstValue("Content-Range")).hasValue("bytes 50000-" + (response.body().length - 1)
                + "/" + response.body().length);
    }

    @Test
    void dsubWithFormatRawGetsTheFileByteForByte() {
        SubsonicClient dsub = new SubsonicClient(server, PackagedServer.OWNER, PackagedServer.OWNER_PASSWORD, "DSub",
                "1.2.0", true);
        assertThat(bytes(dsub.getBytes(dsub.request("stream", null, "id", mp3, "maxBitRate", "96", "format", "raw"))))
                .isEqualTo(mp3Original);
    }

    @Test
    void symfoniumAsksForADecisionThenStreamsWhatItSaid() {
        SubsonicClient symfonium = SubsonicClient.owner(server, "Symfonium");
        List<String> extensions = symfonium.json("getOpenSubsonicExtensions").path("openSubsonicExtensions")
                .valueStream().map(e -> e.path("name").asString()).toList();
        assertThat(extensions).contains("transcoding", "transcodeOffset", "indexBasedQueue");

        HttpRequest decide = symfonium.request("getTranscodeDecision", "json", "mediaId", flac, "mediaType", "song")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"name":"Symfonium","platform":"Android","maxAudioBitrate":0,"maxTranscodingAudioBitrate":128000,
                         "directPlayProfiles":[{"containers":["mp3","ogg"],"audioCodecs":["mp3","opus","vorbis"],
                                                "protocols":["http"],"maxAudioChannels":2}],
                         "transcodingProfiles":[{"container":"ogg","audioCodec":"opus","protocol":"http","maxAudioChannels":2},
                                                {"container":"mp3","audioCodec":"mp3","protocol":"http"}],
                         "codecProfiles":[]}
                        """)).build();
        JsonNode decision = SubsonicClient.ok("getTranscodeDecision", symfonium.send(decide)).path("transcodeDecision");
        assertThat(decision.path("canDirectPlay").asBoolean()).isFalse();
        assertThat(decision.path("canTranscode").asBoolean()).isTrue();
        assertThat(decision.path("transcodeStream").path("codec").asString()).isEqualTo("opus");
        String params = decision.path("transcodeParams").asString();

        var stream = symfonium.getBytes(symfonium.request("getTranscodeStream", null, "mediaId", flac, "mediaType", "song",
                "transcodeParams", params));
        var probe = AudioOnDisk.probe(bytes(stream), root);
        assertThat(probe.codec()).isEqualTo("opus");
        assertThat(probe.averageKbps()).isBetween(100.0, 150.0);

        // a seek: the same stream from 20 s in
        var seek = symfonium.getBytes(symfonium.request("getTranscodeStream", null, "mediaId", flac, "mediaType", "song",
                "transcodeParams", params, "offset", "20"));
        assertThat(AudioOnDisk.probe(bytes(seek), root).seconds()).isCloseTo(SECONDS - 20, within(0.5));

        // the queue is saved by place, with the same song twice
        symfonium.json("savePlayQueueByIndex", "id", flac, "id", mp3, "id", flac, "currentIndex", "2", "position", "20000");
        JsonNode queue = symfonium.json("getPlayQueueByIndex").path("playQueueByIndex");
        assertThat(queue.path("currentIndex").asInt()).isEqualTo(2);
        assertThat(queue.path("entry").valueStream().map(e -> e.path("id").asString()).toList())
                .containsExactly(flac, mp3, flac);
    }

    @Test
    void feishinStreamsWithAnEstimatedLengthThatIsMetExactly() {
        SubsonicClient feishin = SubsonicClient.owner(server, "Feishin");
        var response = feishin.getBytes(feishin.request("stream", null, "id", flac, "format", "mp3", "maxBitRate", "192",
                "estimateContentLength", "true", "timeOffset", "10"));
        long announced = Long.parseLong(response.headers().firstValue("Content-Length").orElseThrow());
        assertThat(bytes(response)).hasSize((int) announced);
        assertThat(AudioOnDisk.probe(response.body(), root).streamBitRate()).isEqualTo(192_000);
        // the zeros after the audio make a player that guesses an MP3's length from its size show
        // a second or two more; the audio itself is the 20 s after the offset
        assertThat(AudioOnDisk.decodedSeconds(response.body(), root)).isCloseTo(SECONDS - 10, within(0.5));
    }

    @Test
    void aClientThatHangsUpLeavesNoFfmpegBehind() throws Exception {
        SubsonicClient player = SubsonicClient.owner(server, "hang-up");
        var uri = player.uri("stream", null, "id", flac, "format", "mp3", "maxBitRate", "320", "timeOffset", "1");
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + uri.getRawPath() + "?" + uri.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int read = 0;
            while (read < 8192) {
                int n = in.read(buffer);
                assertThat(n).isPositive();
                read += n;
            }
            assertThat(ffmpegChildren()).hasSize(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!ffmpegChildren().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ffmpegChildren()).isEmpty();
        try (Stream<Path> parts = Files.list(root.resolve("data/transcodes"))) {
            assertThat(parts.map(Path::toString)).noneMatch(name -> name.endsWith(".part"));
        }
    }

    private static List<ProcessHandle> ffmpegChildren() {
        return ProcessHandle.of(server.pid()).stream().flatMap(ProcessHandle::descendants)
                .filter(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false))
                .toList();
    }
}
