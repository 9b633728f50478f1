package dev.minstrel.subsonic.golden;

import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.listen.ListenRules;
import dev.minstrel.library.LibraryService;
import dev.minstrel.library.TestLibrary;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.fixtures.AudioFixtures;
import dev.minstrel.subsonic.SubsonicApi;
import dev.minstrel.subsonic.SubsonicFixture;
import dev.minstrel.subsonic.auth.LoginGuard;
import dev.minstrel.subsonic.protocol.SubsonicSettings;
import dev.minstrel.subsonic.transcode.TranscodeSettings;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The library the golden answers are taken from: real tagged files written by {@link AudioFixtures},
 * scanned by the real {@link LibraryService} into H2, and the API over it with the accounts of
 * {@link SubsonicFixture} (alice the owner, bob her friend). It holds what trips clients up: a
 * compilation, a two-disc album, unicode names (Björk, 坂本龍一), a slash in an artist's name,
 * files without any tags, multi-valued genres and artists, folder art, embedded art, plain and
 * synced lyrics, ReplayGain and MusicBrainz ids.
 *
 * <p>Everything that could vary between runs is fixed: the clock, every file's modification time
 * (which versions cover art ids). Only track and playlist ids are random; {@link #normalise} names
 * them after the files and playlists they stand for.
 */
final class EdgeCaseLibrary implements AutoCloseable {

    static final Instant NOW = SubsonicFixture.NOW;
    /** Every file's modification time. */
    static final Instant FILES_MODIFIED = Instant.parse("2026-01-02T03:04:05Z");

    final SubsonicApi api;
    final WebTestClient client;
    private final LibraryService library;
    private final DatabaseClient database;
    private final Map<String, String> trackPlaceholders = new LinkedHashMap<>();

    EdgeCaseLibrary(Path dir) {
        Path music = dir.resolve("music");
        write(music);
        touch(music);
        ConnectionFactory connections = TestLibrary.database(dir.resolve("db"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        library = new LibraryService(TestLibrary.settings(music, dir.resolve("cache")), connections, clock);
        library.start();
        if (!library.awaitIdle(Duration.ofSeconds(60))) {
            throw new IllegalStateException("the scan of the edge-case library did not finish");
        }
        database = DatabaseClient.create(connections);
        Analytics analytics = Analytics.create(database, library::catalogue, ZoneOffset.UTC, ListenRules.DEFAULTS, clock);
        api = new SubsonicApi(library, new SubsonicFixture.Accounts(), LoginGuard.permissive(), database,
                analytics, clock, SubsonicSettings.DEFAULTS, SubsonicFixture.IMAGE_URL_KEY,
                TranscodeSettings.defaults(dir.resolve("transcodes")));
        // a transcode of a whole track runs ffmpeg for seconds on a busy build machine
        client = WebTestClient.bindToRouterFunction(api.router()).configureClient()
                .responseTimeout(Duration.ofSeconds(60))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        List<Track> byPath = catalogue().tracks().stream().sorted(Comparator.comparing(Track::path)).toList();
        for (int i = 0; i < byPath.size(); i++) {
            trackPlaceholders.put(byPath.get(i).id(), String.format(Locale.ROOT, "tr-%02d", i + 1));
        }
    }

    private static void write(Path music) {
        byte[] art = AudioFixtures.png(32, 32);
        AudioFixtures.mp3(music.resolve("ABBA/Arrival/01 Dancing Queen.mp3"))
                .title("Dancing Queen").artist("ABBA").album("Arrival").albumArtist("ABBA").track(1, 2).disc(1, 1)
                .year("1976-08-16").genres("Pop", "Disco").cover(art).bpm(101).comment("Recorded in Stockholm")
                .sortNames("Dancing Queen", "ABBA", "Arrival", "ABBA")
                .musicBrainz("a4c4b1f8-0000-4000-8000-000000000001", "a4c4b1f8-0000-4000-8000-000000000002",
                        "a4c4b1f8-0000-4000-8000-000000000003", "a4c4b1f8-0000-4000-8000-000000000003")
                .replayGain(-6.5, 0.988547, -7.1, 0.999969).seconds(231).compact().write();
        text(music.resolve("ABBA/Arrival/01 Dancing Queen.lrc"),
                "[ar:ABBA]\n[ti:Dancing Queen]\n[00:01.00]You can dance\n[00:04.50]You can jive\n");
        AudioFixtures.mp3(music.resolve("ABBA/Arrival/02 Knowing Me, Knowing You.mp3"))
                .title("Knowing Me, Knowing You").artist("ABBA").album("Arrival").track(2, 2).year(1976).genres("Pop")
                .cover(art).lyrics("Knowing me, knowing you\nIt's the best I can do").seconds(242).compact().write();
        AudioFixtures.flac(music.resolve("Björk/Homogenic/01 Hunter.flac"))
                .title("Hunter").artist("Björk").album("Homogenic").track(1).year(1997).genres("Electronic")
                .sampleRate(48_000).channels(2).seconds(255).write();
        AudioFixtures.flac(music.resolve("Björk/Homogenic/02 Jóga.flac"))
                .title("Jóga").artist("Björk").album("Homogenic").track(2).year(1997).genres("Electronic; Art Pop")
                .sampleRate(48_000).channels(2).seconds(305).write();
        binary(music.resolve("Björk/Homogenic/cover.png"), AudioFixtures.png(40, 40));
        AudioFixtures.opus(music.resolve("坂本龍一/音楽図鑑/01 Tibetan Dance.opus"))
                .title("Tibetan Dance").artist("坂本龍一").album("音楽図鑑").track(1).year(1984).genres("Ambient")
                .channels(2).seconds(200).write();
        AudioFixtures.m4a(music.resolve("Pink Floyd/The Wall/1-01 In the Flesh?.m4a"))
                .title("In the Flesh?").artist("Pink Floyd").album("The Wall").track(1, 13).disc(1, 2).year(1979)
                .genres("Rock").seconds(199).write();
        AudioFixtures.m4a(music.resolve("Pink Floyd/The Wall/2-01 Hey You.m4a"))
                .title("Hey You").artist("Pink Floyd").album("The Wall").track(1, 13).disc(2, 2).year(1979)
                .genres("Rock").seconds(280).write();
        AudioFixtures.mp3(music.resolve("AC-DC/Back in Black/01 Hells Bells.mp3"))
                .title("Hells Bells").artist("AC/DC").album("Back in Black").track(1).year(1980).genres("Rock", "Hard Rock")
                .seconds(312).compact().write();
        AudioFixtures.mp3(music.resolve("Compilations/Now 1983/01 Karma Chameleon.mp3"))
                .title("Karma Chameleon").artist("Culture Club").album("Now That's What I Call Music!").track(1)
                .year(1983).genres("Pop").compilation(true).seconds(252).compact().write();
        AudioFixtures.mp3(music.resolve("Compilations/Now 1983/02 Total Eclipse of the Heart.mp3"))
                .title("Total Eclipse of the Heart").artist("Bonnie Tyler").album("Now That's What I Call Music!")
                .track(2).year(1983).genres("Pop").compilation(true).seconds(270).compact().write();
        AudioFixtures.flac(music.resolve("Daft Punk/Random Access Memories/08 Get Lucky.flac"))
                .title("Get Lucky").artist("Daft Punk feat. Pharrell Williams").artists("Daft Punk", "Pharrell Williams")
                .album("Random Access Memories").albumArtist("Daft Punk").track(8, 13).year(2013)
                .genres("Disco", "Funk").seconds(248).write();
        // no tags at all: the names come from the folders and the file
        AudioFixtures.mp3(music.resolve("Miles Davis/Kind of Blue/01 - So What.mp3")).seconds(562).compact().write();
        AudioFixtures.mp3(music.resolve("untagged.mp3")).seconds(60).compact().write();
    }

    private static void text(Path file, String text) {
        binary(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void binary(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path music) {
        try (Stream<Path> files = Files.walk(music)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(FILES_MODIFIED));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Catalogue catalogue() {
        return library.catalogue();
    }

    String track(String title) {
        return catalogue().tracks().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow().id();
    }

    String album(String name) {
        return catalogue().albums().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().id();
    }

    String artist(String name) {
        return catalogue().artists().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().id();
    }

    String folder(String name) {
        return catalogue().tracks().stream().filter(t -> t.path().startsWith(name + "/")).findFirst()
                .flatMap(t -> catalogue().folder(t.folderId())).map(f -> f.id()).orElseThrow();
    }

    String playlist(String name) {
        return database.sql("SELECT id FROM subsonic_playlist WHERE name = :name").bind("name", name)
                .map(row -> row.get("id", String.class)).one().blockOptional().orElseThrow();
    }

    /** The answer with track and playlist ids replaced by names that stay the same from run to run. */
    String normalise(String answer) {
        String result = answer;
        for (var id : trackPlaceholders.entrySet()) {
            result = result.replace(id.getKey(), id.getValue());
        }
        List<Map.Entry<String, String>> playlists = database.sql("SELECT id, name FROM subsonic_playlist")
                .map(row -> Map.entry(row.get("id", String.class), row.get("name", String.class))).all()
                .collectList().block();
        for (var playlist : playlists) {
            result = result.replace(playlist.getKey(),
                    "pl-" + playlist.getValue().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
        }
        return result;
    }

    /** The placeholder of each track, for the golden folder's index. */
    String trackIndex() {
        StringBuilder index = new StringBuilder();
        catalogue().tracks().stream().sorted(Comparator.comparing(Track::path)).forEach(t ->
                index.append(trackPlaceholders.get(t.id())).append(' ').append(t.path()).append('\n'));
        return index.toString();
    }

    @Override
    public void close() {
        library.close();
    }
}
