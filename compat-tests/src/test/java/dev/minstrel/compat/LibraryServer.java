package dev.minstrel.compat;

import dev.minstrel.library.fixtures.AudioFixtures;
import dev.minstrel.library.fixtures.LibraryGenerator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The packaged server over a generated library of a few hundred tracks plus a hand-made album
 * (synced lyrics from an .lrc file, embedded plain lyrics, a FLAC with embedded art), started once
 * per test run and shared by every class that takes it as a parameter of a {@code @BeforeAll}
 * method (see {@link Extension}). Watching and scheduled rescans are off so that the catalogue
 * stays still while the tests read it.
 */
public final class LibraryServer implements AutoCloseable {

    public static final int GENERATED_TRACKS = 300;
    public static final long SEED = 20261125L;
    public static final String HANDMADE_ARTIST = "Handmade Quartet";
    public static final String HANDMADE_ALBUM = "Lyrics and Covers";
    public static final String SYNCED_TITLE = "Synced Song";
    public static final String PLAIN_LYRICS_TITLE = "Plain Lyrics Song";
    public static final String FLAC_TITLE = "Covered Flac Song";
    public static final int HANDMADE_TRACKS = 3;

    /** Held so that the level set on it lasts: java.util.logging keeps loggers only weakly. */
    private static final Logger TAGGER_LOG = Logger.getLogger("org.jaudiotagger");

    static {
        TAGGER_LOG.setLevel(Level.OFF);
    }

    private final Path root;
    private final Path music;
    private final PackagedServer server;
    private final LibraryGenerator.Summary generated;
    private final int trackCount;

    private LibraryServer(Path root, Path music, PackagedServer server, LibraryGenerator.Summary generated,
                          int trackCount) {
        this.root = root;
        this.music = music;
        this.server = server;
        this.generated = generated;
        this.trackCount = trackCount;
    }

    public static LibraryServer start() {
        try {
            Path root = Files.createTempDirectory("minstrel-compat-");
            Path music = root.resolve("music");
            LibraryGenerator.Summary generated = LibraryGenerator.generate(music, GENERATED_TRACKS, SEED);
            writeHandmadeAlbum(music.resolve(HANDMADE_ARTIST).resolve(HANDMADE_ALBUM));
            PackagedServer server = PackagedServer.start(music, root.resolve("data"), Map.of(
                    "MINSTREL_LIBRARY_WATCH", "false",
                    "MINSTREL_LIBRARY_SCAN_INTERVAL", "0"));
            int tracks = awaitScan(SubsonicClient.owner(server, "compat-fixture"), Duration.ofSeconds(90));
            return new LibraryServer(root, music, server, generated, tracks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeHandmadeAlbum(Path album) throws IOException {
        AudioFixtures.mp3(album.resolve("01 " + SYNCED_TITLE + ".mp3")).title(SYNCED_TITLE).artist(HANDMADE_ARTIST)
                .albumArtist(HANDMADE_ARTIST).album(HANDMADE_ALBUM).track(1, 3).year(2024).genres("Folk")
                .seconds(30).write();
        Files.writeString(album.resolve("01 " + SYNCED_TITLE + ".lrc"), """
                [ar:Handmade Quartet]
                [ti:Synced Song]
                [la:en]
                [00:01.00]First line
                [00:12.50]Second line
                """);
        AudioFixtures.mp3(album.resolve("02 " + PLAIN_LYRICS_TITLE + ".mp3")).title(PLAIN_LYRICS_TITLE)
                .artist(HANDMADE_ARTIST).albumArtist(HANDMADE_ARTIST).album(HANDMADE_ALBUM).track(2, 3).year(2024)
                .genres("Folk").lyrics("Plain one\nPlain two").seconds(12).write();
        AudioFixtures.flac(album.resolve("03 " + FLAC_TITLE + ".flac")).title(FLAC_TITLE).artist(HANDMADE_ARTIST)
                .albumArtist(HANDMADE_ARTIST).album(HANDMADE_ALBUM).track(3, 3).year(2024).genres("Folk")
                .cover(AudioFixtures.png(300, 300)).seconds(20).write();
    }

    /**
     * A generated music folder of {@code tracks} tracks for a test's own server (jaudiotagger kept
     * quiet), and the settings that keep its catalogue still: no watching, no scheduled rescans.
     */
    static Map<String, String> generate(Path music, int tracks, long seed) {
        LibraryGenerator.generate(music, tracks, seed);
        return new HashMap<>(Map.of("MINSTREL_LIBRARY_WATCH", "false", "MINSTREL_LIBRARY_SCAN_INTERVAL", "0"));
    }

    /** Polls getScanStatus until the first scan has finished with tracks; returns their count. */
    static int awaitScan(SubsonicClient owner, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = owner.json("getScanStatus").path("scanStatus");
            if (!status.path("scanning").asBoolean() && status.path("count").asInt() > 0) {
                return status.path("count").asInt();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the initial scan did not finish within " + timeout + ": " + status);
    }

    public PackagedServer server() {
        return server;
    }

    public Path music() {
        return music;
    }

    public Path handmade(String fileName) {
        return music.resolve(HANDMADE_ARTIST).resolve(HANDMADE_ALBUM).resolve(fileName);
    }

    /** The handmade album as search3 lists it to {@code client}. */
    public static JsonNode handmadeAlbum(SubsonicClient client) {
        return client.json("search3", "query", HANDMADE_ALBUM, "songCount", "0", "artistCount", "0")
                .path("searchResult3").path("album").get(0);
    }

    public LibraryGenerator.Summary generated() {
        return generated;
    }

    /** Tracks in the catalogue after the first scan, as getScanStatus counted them. */
    public int trackCount() {
        return trackCount;
    }

    public SubsonicClient owner(String client) {
        return SubsonicClient.owner(server, client);
    }

    @Override
    public void close() {
        server.close();
        TempFolder.delete(root);
    }

    /**
     * Gives {@code @BeforeAll} methods the one {@link LibraryServer} of the run; JUnit closes it
     * (an AutoCloseable in the root store) when the run ends.
     */
    public static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == LibraryServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.create(LibraryServer.class))
                    .computeIfAbsent(LibraryServer.class, key -> start(), LibraryServer.class);
        }
    }
}
