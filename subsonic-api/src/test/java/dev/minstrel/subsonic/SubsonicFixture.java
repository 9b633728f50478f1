package dev.minstrel.subsonic;

import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.listen.ListenRules;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.ArtistRef;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.CatalogueSettings;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.ReplayGain;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.cover.CoverArt;
import dev.minstrel.library.lyrics.Lyrics;
import dev.minstrel.library.scan.ScanStatus;
import dev.minstrel.subsonic.auth.LoginGuard;
import dev.minstrel.subsonic.auth.SubsonicAccounts;
import dev.minstrel.subsonic.auth.SubsonicUser;
import dev.minstrel.subsonic.protocol.SubsonicSettings;
import dev.minstrel.subsonic.transcode.TranscodeSettings;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small real library for the API tests: audio files of patterned bytes (so ranges can be checked
 * byte for byte), a real PNG cover, a catalogue built from them with {@link Catalogue#build}, an H2
 * database file migrated by Flyway (the Subsonic and analytics tables), the analytics module over it
 * with the fixture's fixed clock, and two accounts: the owner alice and her friend bob. The catalogue
 * is made here rather than scanned, so that the files can hold patterned bytes (ranges are checked
 * byte for byte) instead of audio; the golden answers run over a scanned library instead
 * ({@code golden.EdgeCaseLibrary}).
 */
public final class SubsonicFixture {

    public static final String OWNER_PASSWORD = "sesame";
    public static final String FRIEND_PASSWORD = "bob-pass";
    public static final String OWNER_API_KEY = "alice-api-key-0123456789";
    public static final Instant NOW = Instant.parse("2026-11-25T12:00:00.123Z");
    /** The key the fixture's API signs image URLs with. */
    public static final byte[] IMAGE_URL_KEY = "fixture image url key, 32 bytes+".getBytes(StandardCharsets.UTF_8);

    public static final SubsonicUser OWNER = new SubsonicUser("u-alice", "alice", "alice@example.org", OWNER_PASSWORD,
            true, true, true, true);
    public static final SubsonicUser FRIEND = new SubsonicUser("u-bob", "bob", null, FRIEND_PASSWORD,
            false, false, false, true);

    public final Path musicDir;
    public final FixtureLibrary library;
    public final DatabaseClient database;
    public final Analytics analytics;
    public final SubsonicApi api;
    public final WebTestClient client;
    public final Track dancingQueen;
    public final Track knowingMe;
    public final Track comeTogether;
    public final Track something;
    public final Track soWhat;
    public final Track loose;
    public final Path cover;

    public SubsonicFixture(Path dir) {
        try {
            musicDir = Files.createDirectories(dir.resolve("music"));
            cover = dir.resolve("cover.png");
            BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
            image.setRGB(1, 1, Color.ORANGE.getRGB());
            ImageIO.write(image, "png", cover.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dancingQueen = track("ABBA/Arrival/01 Dancing Queen.mp3", "Dancing Queen", "Arrival", "ABBA", 1, 1976, "Pop", 231, 10_000, true);
        knowingMe = track("ABBA/Arrival/02 Knowing Me, Knowing You.mp3", "Knowing Me, Knowing You", "Arrival", "ABBA", 2, 1976, "Pop", 242, 2_000, true);
        comeTogether = track("The Beatles/Abbey Road/01 Come Together.flac", "Come Together", "Abbey Road", "The Beatles", 1, 1969, "Rock", 259, 3_000, false);
        something = track("The Beatles/Abbey Road/02 Something.flac", "Something", "Abbey Road", "The Beatles", 2, 1969, "Rock", 182, 3_000, false);
        soWhat = track("Miles Davis/Kind of Blue/01 So What.mp3", "So What", "Kind of Blue", "Miles Davis", 1, 1959, "Jazz", 562, 1_000, false);
        loose = track("loose.mp3", "Loose Track", "Singles", "Nobody", null, null, "Pop", 60, 500, false);
        library = new FixtureLibrary(musicDir, Catalogue.build(List.of(dancingQueen, knowingMe, comeTogether, something, soWhat, loose),
                Map.of(), CatalogueSettings.DEFAULTS, NOW.minusSeconds(3600)), cover);
        database = migratedDatabase(dir.resolve("db").toAbsolutePath());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        analytics = Analytics.create(database, library::catalogue, ZoneOffset.UTC, ListenRules.DEFAULTS, clock);
        api = new SubsonicApi(library, new Accounts(), LoginGuard.permissive(), database, analytics,
                clock, SubsonicSettings.DEFAULTS, IMAGE_URL_KEY, TranscodeSettings.defaults(dir.resolve("transcodes")));
        client = WebTestClient.bindToRouterFunction(api.router()).build();
    }

    private Track track(String path, String title, String album, String artist, Integer number, Integer year, String genre,
                        int duration, int size, boolean embeddedCover) {
        Path file = musicDir.resolve(path);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i % 251);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean flac = path.endsWith(".flac");
        String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        String albumId = Ids.albumId(artist, album);
        String artistId = Ids.artistId(artist);
        List<ArtistRef> credit = List.of(new ArtistRef(artistId, artist));
        return new Track(Ids.newTrackId(), path, Ids.folderId(parent), title, album, albumId, artist, artistId, credit,
                artist, credit, number, 1, year, List.of(genre), duration, flac ? 900 : 320, 44_100, 2, flac ? 16 : null,
                size, flac ? "flac" : "mp3", flac ? "audio/flac" : "audio/mpeg", false, null, null, null, null, null,
                null, null, null, new ReplayGain(-6.5, 0.98, null, null), false, embeddedCover,
                embeddedCover ? albumId : null, null, null, null, null, 1_700_000_000_000L, NOW.minusSeconds(86_400));
    }

    /** An H2 file database at {@code file} with every migration applied. */
    public static DatabaseClient migratedDatabase(Path file) {
        Flyway.configure().dataSource("jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1", "sa", "")
                .locations("classpath:db/migration").load().migrate();
        ConnectionFactory factory = ConnectionFactories.get(ConnectionFactoryOptions
                .parse("r2dbc:pool:h2:file:///" + file + "?DB_CLOSE_DELAY=-1&maxSize=4").mutate()
                .option(ConnectionFactoryOptions.USER, "sa").option(ConnectionFactoryOptions.PASSWORD, "").build());
        return DatabaseClient.create(factory);
    }

    /** Rows of {@code sql}, for checking what the API stored. */
    public List<Map<String, Object>> rows(String sql) {
        return database.sql(sql).fetch().all().collectList().block();
    }

    /**
     * Makes the database refuse new rows of {@code table} naming {@code trackId} until closed (rows
     * already there stay): a write that fails half-way, after the rows before it went in.
     */
    public AutoCloseable refuseRows(String table, String trackId) {
        String constraint = "refuse_" + table;
        database.sql("ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " CHECK (track_id <> '" + trackId + "') NOCHECK")
                .then().block();
        return () -> database.sql("ALTER TABLE " + table + " DROP CONSTRAINT " + constraint).then().block();
    }

    public WebTestClient.ResponseSpec get(String pathAndQuery) {
        return client.get().uri(URI.create(pathAndQuery)).exchange();
    }

    /** A GET as alice (plain password), or as bob when {@code friend}. */
    public String asOwner(String method, String query) {
        return "/rest/" + method + "?u=alice&p=" + OWNER_PASSWORD + "&v=1.16.1&c=test&f=json" + (query.isEmpty() ? "" : "&" + query);
    }

    public String asFriend(String method, String query) {
        return "/rest/" + method + "?u=bob&p=bob-pass&v=1.16.1&c=test&f=json" + (query.isEmpty() ? "" : "&" + query);
    }

    public String json(String uri) {
        return get(uri).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    /** alice (the owner, with an API key) and bob. */
    public static final class Accounts implements SubsonicAccounts {
        private final List<SubsonicUser> users = List.of(OWNER, FRIEND);

        @Override
        public Mono<SubsonicUser> byUsername(String username) {
            return Flux.fromIterable(users).filter(u -> u.username().equalsIgnoreCase(username)).next();
        }

        @Override
        public Mono<SubsonicUser> byApiKey(String apiKey) {
            return OWNER_API_KEY.equals(apiKey) ? Mono.just(OWNER) : Mono.empty();
        }

        @Override
        public Flux<SubsonicUser> all() {
            return Flux.fromIterable(users);
        }
    }

    /** A MusicLibrary over a fixed catalogue and real files; lyrics exist for Dancing Queen only. */
    public static final class FixtureLibrary implements MusicLibrary {
        /** When the fixture's art last changed, as a real library reports its source file's time. */
        private static final long COVER_MODIFIED = 1_764_000_000_000L;
        private final Path musicDir;
        private final Catalogue catalogue;
        private final Path cover;
        public final AtomicBoolean scanStarted = new AtomicBoolean();

        FixtureLibrary(Path musicDir, Catalogue catalogue, Path cover) {
            this.musicDir = musicDir;
            this.catalogue = catalogue;
            this.cover = cover;
        }

        @Override
        public Catalogue catalogue() {
            return catalogue;
        }

        @Override
        public ScanStatus scanStatus() {
            return new ScanStatus(false, 7, catalogue.trackCount(), 5, List.of(new ScanStatus.SkippedFile(
                    "Miles Davis/Kind of Blue/02 Freddie.mp3", "the file is empty")), NOW.minusSeconds(3600), 1200);
        }

        @Override
        public boolean startScan(boolean full) {
            return scanStarted.compareAndSet(false, true);
        }

        @Override
        public ScanStatus scanNow(boolean full) {
            return scanStatus();
        }

        @Override
        public List<Track> index(List<Path> files) {
            return new ArrayList<>();
        }

        @Override
        public Optional<Path> file(Track track) {
            Path file = musicDir.resolve(track.path());
            return Files.exists(file) ? Optional.of(file) : Optional.empty();
        }

        @Override
        public Optional<CoverArt> coverArt(String versionedId, Integer size) {
            String id = Ids.withoutVersion(versionedId);
            boolean known = catalogue.album(id).map(a -> a.coverArtId() != null).orElse(false)
                    || catalogue.track(id).map(t -> t.coverArtId() != null).orElse(false);
            return known ? Optional.of(new CoverArt(cover, "image/png", COVER_MODIFIED)) : Optional.empty();
        }

        @Override
        public Optional<Lyrics> lyrics(Track track) {
            if (!track.title().equals("Dancing Queen")) {
                return Optional.empty();
            }
            return Optional.of(new Lyrics(track.artist(), track.title(), "eng", true, List.of(
                    new Lyrics.Line(1000L, "You can dance"), new Lyrics.Line(4500L, "You can jive"))));
        }

        @Override
        public Path musicDir() {
            return musicDir;
        }
    }
}
