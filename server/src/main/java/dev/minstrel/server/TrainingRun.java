package dev.minstrel.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One start of the server that answers the calls apps make first, then stops: the run the Pi
 * package (and {@code bench/startup.sh}) makes with {@code -XX:ArchiveClassesAtExit} and the
 * service's JVM options, so the class-data-sharing archive holds the classes of the start-up and of
 * the first requests. Its data and music folders are empty temporary ones, its port a free one on
 * loopback, and its owner password a throwaway one: nothing of the real installation is touched.
 *
 * <pre>java @jvm.options -XX:ArchiveClassesAtExit=minstrel.jsa -cp minstrel.jar dev.minstrel.server.TrainingRun</pre>
 */
public final class TrainingRun {

    private static final List<String> SUBSONIC_CALLS = List.of("ping", "getLicense", "getMusicFolders", "getIndexes",
            "getArtists", "getAlbumList2?type=newest&size=50", "getAlbumList2?type=random&size=50",
            "getAlbumList?type=alphabeticalByName", "search3?query=a", "getRandomSongs?size=10", "getStarred2",
            "getPlaylists", "getPlayQueue", "getScanStatus", "getUser?username=owner", "getGenres",
            "getOpenSubsonicExtensions", "getAlbum?id=none", "stream?id=none", "getCoverArt?id=none",
            "scrobble?id=none");

    private TrainingRun() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path scratch = Files.createTempDirectory("minstrel-training");
        String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        SpringApplication application = new SpringApplication(MinstrelApplication.class);
        // Spring AOT finds its generated initializer by the main class's name
        application.setMainApplicationClass(MinstrelApplication.class);
        int failures;
        try (ConfigurableApplicationContext context = application.run(
                "--minstrel.data-dir=" + scratch.resolve("data"), "--minstrel.music-dir=" + scratch.resolve("music"),
                "--server.port=0", "--server.address=127.0.0.1", "--minstrel.owner.username=owner",
                "--minstrel.owner.password=" + password, "--minstrel.library.watch=false",
                "--minstrel.library.scan-interval=0", "--minstrel.redis.url=", "--logging.level.root=warn")) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            failures = exercise("http://127.0.0.1:" + port, password);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.out.println("training run done" + (failures > 0 ? ", " + failures + " calls failed" : ""));
        // exit here, so the archive is written even if a library thread is still winding down
        System.exit(failures > 0 ? 1 : 0);
    }

    /** Each call in JSON and XML, as apps make them; the count of calls that did not answer 2xx/4xx. */
    private static int exercise(String base, String password) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        int failures = 0;
        for (String call : SUBSONIC_CALLS) {
            for (String format : List.of("json", "xml")) {
                String separator = call.contains("?") ? "&" : "?";
                failures += get(client, base + "/rest/" + call + separator + "u=owner&p=" + password
                        + "&v=1.16.1&c=training&f=" + format);
            }
        }
        failures += get(client, base + "/api/me");
        failures += get(client, base + "/join.html");
        return failures;
    }

    private static int get(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return response.statusCode() < 500 ? 0 : 1;
    }
}
