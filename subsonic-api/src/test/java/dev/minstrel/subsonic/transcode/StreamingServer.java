package dev.minstrel.subsonic.transcode;

import dev.minstrel.library.fixtures.AudioOnDisk;
import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.listen.ListenRules;
import dev.minstrel.library.LibraryService;
import dev.minstrel.library.TestLibrary;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.subsonic.SubsonicApi;
import dev.minstrel.subsonic.SubsonicFixture;
import dev.minstrel.subsonic.auth.LoginGuard;
import dev.minstrel.subsonic.protocol.SubsonicSettings;
import io.netty.channel.ChannelOption;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.RouterFunctions;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The Subsonic API over real HTTP (Reactor Netty on a free port) and a real library of tones made
 * by ffmpeg and scanned by the real scanner: an MP3 at 320 kbit/s and a FLAC, both 20 seconds.
 * Calls are made as alice, the owner of {@link SubsonicFixture}'s accounts.
 */
final class StreamingServer implements AutoCloseable {

    static final int SECONDS = 20;

    final Path dir;
    final SubsonicApi api;
    final Track mp3;
    final Track flac;
    private final LibraryService library;
    private final DisposableServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** @param settings what to transcode with; its cache folder is the test's own */
    StreamingServer(Path dir, TranscodeSettings settings) {
        this.dir = dir;
        Path music = dir.resolve("music");
        AudioOnDisk.tone(music.resolve("Tones/loud.mp3"), SECONDS, "Loud", "-c:a", "libmp3lame", "-b:a", "320k");
        AudioOnDisk.tone(music.resolve("Tones/lossless.flac"), SECONDS, "Lossless", "-c:a", "flac");
        ConnectionFactory connections = TestLibrary.database(dir.resolve("db"));
        library = TestLibrary.started(TestLibrary.settings(music, dir.resolve("cache")), connections);
        DatabaseClient database = DatabaseClient.create(connections);
        Analytics analytics = Analytics.create(database, library::catalogue, ZoneOffset.UTC, ListenRules.DEFAULTS,
                Clock.systemUTC());
        api = new SubsonicApi(library, new SubsonicFixture.Accounts(), LoginGuard.permissive(), database,
                analytics, Clock.systemUTC(), SubsonicSettings.DEFAULTS,
                SubsonicFixture.IMAGE_URL_KEY, settings);
        // a small send buffer, as the server's own setting gives, so that a slow reader holds its ffmpeg back
        server = HttpServer.create().host("127.0.0.1").port(0).childOption(ChannelOption.SO_SNDBUF, 64 * 1024)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(api.router()))).bindNow();
        List<Track> tracks = library.catalogue().tracks();
        mp3 = tracks.stream().filter(t -> t.suffix().equals("mp3")).findFirst().orElseThrow();
        flac = tracks.stream().filter(t -> t.suffix().equals("flac")).findFirst().orElseThrow();
    }

    int port() {
        return server.port();
    }

    /** The path and query of a call as alice, e.g. {@code stream?id=...}. */
    String path(String methodAndQuery) {
        return "/rest/" + methodAndQuery + (methodAndQuery.contains("?") ? "&" : "?")
                + "u=alice&p=" + SubsonicFixture.OWNER_PASSWORD + "&c=test&v=1.16.1";
    }

    HttpResponse<byte[]> get(String methodAndQuery, Map<String, String> headers) {
        return send(methodAndQuery, "GET", headers);
    }

    HttpResponse<byte[]> send(String methodAndQuery, String method, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path(methodAndQuery)))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        return send(request);
    }

    /** A POST with a JSON body, as getTranscodeDecision is called; the answer in JSON. */
    String postJson(String methodAndQuery, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port()
                        + path(methodAndQuery) + "&f=json"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(60));
        return new String(send(request).body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The ffmpeg processes this JVM has started and that still run. */
    static List<ProcessHandle> ffmpegChildren() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("/ffmpeg")).orElse(false))
                .toList();
    }

    @Override
    public void close() {
        server.disposeNow();
        api.close();
        library.close();
    }
}
