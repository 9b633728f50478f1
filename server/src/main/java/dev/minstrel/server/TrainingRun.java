package dev.minstrel.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
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

    public static void main(String[] args) throws IOException {
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
            failures = exercise(port, password);
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
    private static int exercise(int port, String password) throws IOException {
        int failures = 0;
        for (String call : SUBSONIC_CALLS) {
            for (String format : List.of("json", "xml")) {
                String separator = call.contains("?") ? "&" : "?";
                failures += get(port, "/rest/" + call + separator + "u=owner&p=" + password
                        + "&v=1.16.1&c=training&f=" + format);
            }
        }
        failures += get(port, "/api/me");
        failures += get(port, "/join.html");
        return failures;
    }

    /**
     * One HTTP/1.1 GET over a plain socket, read to the end. Not the JDK's HTTP client: the archive
     * keeps every class the training run loads, and that client's ~280 the server never uses would
     * be mapped into every start.
     */
    private static int get(int port, String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            // "HTTP/1.1 200 OK": the status is the second word of the first line
            String[] statusLine = answer.lines().findFirst().orElse("").split(" ");
            return statusLine.length > 1 && statusLine[1].matches("[234]\\d\\d") ? 0 : 1;
        }
    }
}
