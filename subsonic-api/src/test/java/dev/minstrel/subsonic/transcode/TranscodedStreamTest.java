package dev.minstrel.subsonic.transcode;

import dev.minstrel.library.fixtures.AudioOnDisk;
import dev.minstrel.subsonic.SubsonicFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.BaseSubscriber;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code stream} over real HTTP with real ffmpeg: what is transcoded, into what, and how the
 * processes are bounded and stopped. Every output is measured with ffprobe.
 */
class TranscodedStreamTest {

    @TempDir
    static Path dir;
    static StreamingServer server;
    static byte[] mp3Original;

    @BeforeAll
    static void start() throws IOException {
        // one transcode at a time, so that the bound is seen with two requests
        server = new StreamingServer(dir, TranscodeSettings.defaults(dir.resolve("transcodes"))
                .withMaxConcurrent(1).withQueueWait(Duration.ofSeconds(2)));
        mp3Original = Files.readAllBytes(dir.resolve("music/Tones/loud.mp3"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> stream(String query) {
        return server.get("stream?" + query, Map.of());
    }

    @Test
    void dsubsLowerRateMp3IsAnMp3AtThatRate() {
        var response = stream("id=" + server.mp3.id() + "&maxBitRate=96&format=mp3");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("none");
        var probe = AudioOnDisk.probe(response.body(), dir);
        assertThat(probe.codec()).isEqualTo("mp3");
        assertThat(probe.streamBitRate()).isEqualTo(96_000);
        assertThat(probe.seconds()).isCloseTo(StreamingServer.SECONDS, within(0.5));
        assertThat(response.body().length).isLessThan(mp3Original.length / 3);
    }

    @Test
    void aLowerRateAloneTurnsLosslessIntoOpus() {
        var response = stream("id=" + server.flac.id() + "&maxBitRate=64");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/ogg");
        var probe = AudioOnDisk.probe(response.body(), dir);
        assertThat(probe.codec()).isEqualTo("opus");
        assertThat(probe.container()).isEqualTo("ogg");
        assertThat(probe.averageKbps()).isBetween(48.0, 72.0);
    }

    @Test
    void aLowerRateAloneKeepsAnMp3AnMp3() {
        var probe = AudioOnDisk.probe(stream("id=" + server.mp3.id() + "&maxBitRate=128").body(), dir);
        assertThat(probe.codec()).isEqualTo("mp3");
        assertThat(probe.streamBitRate()).isEqualTo(128_000);
    }

    @Test
    void aacIsAdtsAtTheRateAsked() {
        var response = stream("id=" + server.flac.id() + "&format=aac&maxBitRate=96");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/aac");
        var probe = AudioOnDisk.probe(response.body(), dir);
        assertThat(probe.codec()).isEqualTo("aac");
        assertThat(probe.averageKbps()).isBetween(80.0, 110.0);
    }

    @Test
    void aFormatWithoutRateGetsTheDefaultRate() {
        var probe = AudioOnDisk.probe(stream("id=" + server.flac.id() + "&format=mp3").body(), dir);
        assertThat(probe.codec()).isEqualTo("mp3");
        assertThat(probe.streamBitRate()).isEqualTo(192_000);
    }

    @Test
    void theOwnersProfileForThisUserAndAppFillsInWhatTheRequestLeavesOut() {
        TranscodeProfiles profiles = server.api.transcodeProfiles();
        TranscodeProfile otherApp = profiles.put(null, "Some other app", AudioFormat.AAC, 96).block();
        TranscodeProfile mine = profiles.put(SubsonicFixture.OWNER.id(), "TEST", AudioFormat.OPUS, 64).block();
        try {
            var profiled = AudioOnDisk.probe(stream("id=" + server.mp3.id()).body(), dir);
            assertThat(profiled.codec()).isEqualTo("opus");
            assertThat(profiled.averageKbps()).isBetween(48.0, 72.0);

            // the request's own format wins, and its limit cannot go above the profile's (AAC here:
            // the finished transcode is cached, and other tests expect no MP3 at 64 kbit/s there)
            var asked = AudioOnDisk.probe(stream("id=" + server.mp3.id() + "&format=aac&maxBitRate=128").body(), dir);
            assertThat(asked.codec()).isEqualTo("aac");
            assertThat(asked.averageKbps()).isBetween(48.0, 80.0);
            assertThat(stream("id=" + server.mp3.id() + "&format=raw").body()).isEqualTo(mp3Original);
        } finally {
            profiles.delete(mine.id()).block();
            profiles.delete(otherApp.id()).block();
        }
        assertThat(stream("id=" + server.mp3.id()).body()).as("no profile left").isEqualTo(mp3Original);
    }

    @Test
    void theOriginalGoesOutUntouchedWhenItAlreadyFits() {
        for (String query : List.of("format=raw&maxBitRate=96", "maxBitRate=320&format=mp3", "maxBitRate=0", "",
                "format=flac")) {
            var response = stream("id=" + server.mp3.id() + "&" + query);
            assertThat(response.body()).as(query).isEqualTo(mp3Original);
            assertThat(response.headers().firstValue("Accept-Ranges")).as(query).hasValue("bytes");
        }
    }

    @Test
    void anMp3IsNeverReencodedAboveItsOwnRate() {
        var probe = AudioOnDisk.probe(stream("id=" + server.mp3.id() + "&format=opus&maxBitRate=500").body(), dir);
        assertThat(probe.codec()).isEqualTo("opus");
        assertThat(probe.averageKbps()).isLessThan(270.0);
    }

    @Test
    void timeOffsetShortensTheTranscodeByTheOffset() {
        var response = stream("id=" + server.flac.id() + "&format=mp3&maxBitRate=112&timeOffset=12");
        assertThat(response.headers().firstValue("X-Content-Duration")).hasValue("8");
        assertThat(AudioOnDisk.probe(response.body(), dir).seconds()).isCloseTo(8.0, within(0.5));
    }

    @Test
    void anEstimatedLengthIsAnnouncedAndMetExactly() {
        var response = stream("id=" + server.flac.id() + "&format=opus&maxBitRate=80&estimateContentLength=true");
        long announced = Long.parseLong(response.headers().firstValue("Content-Length").orElseThrow());
        assertThat(response.body()).hasSize((int) announced);
        var probe = AudioOnDisk.probe(response.body(), dir);
        assertThat(probe.codec()).isEqualTo("opus");
        assertThat(probe.seconds()).isCloseTo(StreamingServer.SECONDS, within(0.5));
    }

    @Test
    void aRangeOnALiveTranscodeGetsEverything() {
        var response = server.get("stream?id=" + server.flac.id() + "&format=mp3&maxBitRate=48",
                Map.of("Range", "bytes=1000-"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Range")).isEmpty();
        assertThat(AudioOnDisk.probe(response.body(), dir).seconds()).isCloseTo(StreamingServer.SECONDS, within(0.5));
    }

    @Test
    void aSecondPlayComesFromTheCacheWithRanges() throws IOException {
        String query = "stream?id=" + server.flac.id() + "&format=mp3&maxBitRate=160";
        var first = server.get(query, Map.of());
        assertThat(first.headers().firstValue("Accept-Ranges")).hasValue("none");
        try (Stream<Path> cached = Files.list(dir.resolve("transcodes"))) {
            assertThat(cached.map(p -> p.getFileName().toString())).contains(server.flac.id().replaceAll("[^A-Za-z0-9_-]", "_")
                    + "-" + server.flac.modifiedMillis() + "-160.mp3");
        }
        var second = server.get(query, Map.of());
        assertThat(second.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(second.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
        assertThat(second.body()).isEqualTo(first.body());
        var part = server.get(query, Map.of("Range", "bytes=1000-1999"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(first.body(), 1000, 2000));
    }

    @Test
    void theCacheKeepsItsSizeByDroppingTheLeastRecentlyPlayed(@TempDir Path other) throws Exception {
        TranscodeCache cache = new TranscodeCache(other, 25_000);
        Transcode first = new Transcode(server.mp3, AudioFormat.MP3, 96, 0);
        Transcode second = new Transcode(server.mp3, AudioFormat.OPUS, 64, 0);
        Transcode third = new Transcode(server.flac, AudioFormat.AAC, 128, 0);
        keep(cache, first, 10_000);
        keep(cache, second, 10_000);
        // played again: now the most recent of the two
        Files.setLastModifiedTime(other.resolve(first.cacheKey()), FileTime.fromMillis(1_000));
        Files.setLastModifiedTime(other.resolve(second.cacheKey()), FileTime.fromMillis(2_000));
        assertThat(cache.find(first)).isPresent();

        keep(cache, third, 10_000);

        assertThat(cache.find(second)).as("the least recently played").isEmpty();
        assertThat(cache.find(first)).isPresent();
        assertThat(cache.find(third)).isPresent();
        assertThat(cache.find(new Transcode(server.mp3, AudioFormat.MP3, 96, 30))).as("never from an offset").isEmpty();
    }

    private static void keep(TranscodeCache cache, Transcode transcode, int bytes) throws IOException {
        Path part = cache.startWriting(transcode).orElseThrow();
        Files.write(part, new byte[bytes]);
        cache.finish(part, transcode);
    }

    @Test
    void aTranscodeFromAnOffsetIsNotCached() throws IOException {
        stream("id=" + server.flac.id() + "&format=mp3&maxBitRate=144&timeOffset=5");
        try (Stream<Path> cached = Files.list(dir.resolve("transcodes"))) {
            assertThat(cached.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains("-144."));
        }
    }

    @Test
    void headAnswersWithoutStartingFfmpeg() {
        var response = server.send("stream?id=" + server.flac.id() + "&format=opus&maxBitRate=56", "HEAD", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/ogg");
        assertThat(response.body()).isEmpty();
        assertThat(StreamingServer.ffmpegChildren()).isEmpty();
    }

    @Test
    void aClientThatGoesAwayStopsItsFfmpegAndLeavesNoPart() throws Exception {
        try (Socket socket = openStream("stream?id=" + server.flac.id() + "&format=mp3&maxBitRate=40")) {
            readSome(socket.getInputStream(), 4096);
            assertThat(StreamingServer.ffmpegChildren()).hasSize(1);
        }
        awaitNoFfmpeg();
        // the server removes the part once it sees ffmpeg's exit, a moment after the process is gone
        Instant deadline = Instant.now().plusSeconds(10);
        while (!partsIn(dir.resolve("transcodes")).isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(partsIn(dir.resolve("transcodes"))).isEmpty();
    }

    private static List<String> partsIn(Path folder) throws IOException {
        try (Stream<Path> cached = Files.list(folder)) {
            return cached.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".part")).toList();
        }
    }

    @Test
    void stoppingTheServerStopsTheTranscodesStillRunning(@TempDir Path other) throws Exception {
        awaitNoFfmpeg();
        Transcoder transcoder = new Transcoder(TranscodeSettings.defaults(other));
        Transcoder.Slot slot = transcoder.reserve().block().orElseThrow();
        var reader = new BaseSubscriber<DataBuffer>() {
            final java.util.concurrent.CompletableFuture<Throwable> failed = new java.util.concurrent.CompletableFuture<>();

            @Override
            protected void hookOnSubscribe(Subscription subscription) {
                request(1);
            }

            @Override
            protected void hookOnError(Throwable error) {
                failed.complete(error);
            }
        };
        // a client that took one buffer and then stopped reading
        slot.run(new Transcode(server.flac, AudioFormat.MP3, 320, 0), dir.resolve("music/Tones/lossless.flac"),
                DefaultDataBufferFactory.sharedInstance).subscribe(reader);
        Instant deadline = Instant.now().plusSeconds(10);
        while (StreamingServer.ffmpegChildren().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(StreamingServer.ffmpegChildren()).hasSize(1);

        transcoder.close();

        awaitNoFfmpeg();
        // the client sees its stream cut, not a clean end that would pass for the whole song
        assertThat(reader.failed.get(10, java.util.concurrent.TimeUnit.SECONDS)).hasMessageContaining("ffmpeg exited");
    }

    @Test
    void pastTheBoundAStreamWaitsThenGetsTheOriginal() throws Exception {
        awaitNoFfmpeg();
        try (Socket busy = openStream("stream?id=" + server.flac.id() + "&format=mp3&maxBitRate=320")) {
            readSome(busy.getInputStream(), 2048);
            // the one transcode place is taken by a client that reads slowly
            var response = stream("id=" + server.mp3.id() + "&maxBitRate=64&format=mp3");
            assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
            assertThat(response.body()).isEqualTo(mp3Original);
        }
        awaitNoFfmpeg();
        var freed = stream("id=" + server.mp3.id() + "&maxBitRate=64&format=mp3");
        assertThat(AudioOnDisk.probe(freed.body(), dir).streamBitRate()).isEqualTo(64_000);
    }

    @Test
    void withoutFfmpegTheOriginalIsServed(@TempDir Path other) {
        TranscodeSettings missing = new TranscodeSettings(other.resolve("no-ffmpeg"), 2, Duration.ofSeconds(1),
                other.resolve("transcodes"), 1024 * 1024, 192, AudioFormat.OPUS);
        try (StreamingServer without = new StreamingServer(other, missing)) {
            var response = without.get("stream?id=" + without.mp3.id() + "&maxBitRate=96&format=mp3", Map.of());
            assertThat(response.headers().firstValue("Accept-Ranges")).hasValue("bytes");
            assertThat(AudioOnDisk.probe(response.body(), other).streamBitRate()).isEqualTo(320_000);
        }
    }

    @Test
    void symfoniumsDecisionThenItsStreamFromAnOffset() {
        String decision = server.postJson("getTranscodeDecision?mediaId=" + server.flac.id() + "&mediaType=song", """
                {"name":"Symfonium","platform":"Android","maxAudioBitrate":320000,"maxTranscodingAudioBitrate":96000,
                 "directPlayProfiles":[{"containers":["mp3"],"audioCodecs":["mp3"],"protocols":["http"]}],
                 "transcodingProfiles":[{"container":"ogg","audioCodec":"opus","protocol":"http"}]}
                """);
        assertThat(decision).contains("\"canDirectPlay\":false", "\"canTranscode\":true", "\"transcodeParams\":\"opus-96\"");

        var response = server.get("getTranscodeStream?mediaId=" + server.flac.id()
                + "&mediaType=song&transcodeParams=opus-96&offset=5", Map.of());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/ogg");
        var probe = AudioOnDisk.probe(response.body(), dir);
        assertThat(probe.codec()).isEqualTo("opus");
        assertThat(probe.seconds()).isCloseTo(StreamingServer.SECONDS - 5, within(0.5));
        assertThat(probe.averageKbps()).isBetween(80.0, 110.0);
    }

    @Test
    void aClientThatPlaysTheFileAsItIsIsToldSoAndGetsTheOriginal() {
        String decision = server.postJson("getTranscodeDecision?mediaId=" + server.mp3.id() + "&mediaType=song", """
                {"name":"Feishin","platform":"Linux","directPlayProfiles":[{"containers":[],"audioCodecs":[],"protocols":[]}],
                 "transcodingProfiles":[{"container":"mp3","audioCodec":"mp3","protocol":"http"}]}
                """);
        assertThat(decision).contains("\"canDirectPlay\":true", "\"transcodeParams\":\"raw\"", "\"audioBitrate\":320000");
        var response = server.get("getTranscodeStream?mediaId=" + server.mp3.id() + "&mediaType=song&transcodeParams=raw",
                Map.of());
        assertThat(response.body()).isEqualTo(mp3Original);
    }

    @Test
    void aClientLimitedTo128KbpsIsToldWhyAndGetsAnMp3AtThatRate() {
        String decision = server.postJson("getTranscodeDecision?mediaId=" + server.mp3.id() + "&mediaType=song", """
                {"name":"Phone","platform":"iOS","maxAudioBitrate":128000,
                 "directPlayProfiles":[{"containers":["mp3"],"audioCodecs":["mp3"],"protocols":["http"]}],
                 "transcodingProfiles":[{"container":"mp4","audioCodec":"aac","protocol":"http"},
                                        {"container":"mp3","audioCodec":"mp3","protocol":"http"}]}
                """);
        assertThat(decision).contains("\"canDirectPlay\":false", "audio bitrate too high", "\"transcodeParams\":\"mp3-128\"");
        var probe = AudioOnDisk.probe(server.get("getTranscodeStream?mediaId=" + server.mp3.id()
                + "&mediaType=song&transcodeParams=mp3-128", Map.of()).body(), dir);
        assertThat(probe.streamBitRate()).isEqualTo(128_000);
    }

    @Test
    void withoutFfmpegTheTranscodingExtensionsAreNotOffered(@TempDir Path other) {
        TranscodeSettings missing = new TranscodeSettings(other.resolve("no-ffmpeg"), 2, Duration.ofSeconds(1),
                other.resolve("transcodes"), 1024 * 1024, 192, AudioFormat.OPUS);
        try (StreamingServer without = new StreamingServer(other, missing)) {
            String extensions = without.postJson("getOpenSubsonicExtensions?x=1", "{}");
            assertThat(extensions).contains("indexBasedQueue").doesNotContain("transcoding", "transcodeOffset");
        }
        assertThat(server.postJson("getOpenSubsonicExtensions?x=1", "{}")).contains("\"transcoding\"", "\"transcodeOffset\"");
    }

    private static Socket openStream(String methodAndQuery) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + server.path(methodAndQuery) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void readSome(InputStream in, int bytes) throws IOException {
        int read = 0;
        byte[] buffer = new byte[1024];
        while (read < bytes) {
            int n = in.read(buffer);
            assertThat(n).as("the stream ended early").isPositive();
            read += n;
        }
    }

    /** ffmpeg is killed at once; the kernel needs a moment to reap it, so this polls for a while. */
    private static void awaitNoFfmpeg() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(10);
        while (!StreamingServer.ffmpegChildren().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(StreamingServer.ffmpegChildren()).isEmpty();
    }
}
