package dev.minstrel.library.scan;

import dev.minstrel.library.LibraryService;
import dev.minstrel.library.LibrarySettings;
import dev.minstrel.library.TestLibrary;
import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.ArtistRef;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.CatalogueSettings;
import dev.minstrel.library.catalogue.IndexEntry;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.fixtures.AudioFixtures;
import dev.minstrel.library.store.CatalogueStore;
import dev.minstrel.library.tags.TagEditor;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class LibraryScanTest {

    @TempDir
    Path tmp;
    Path music;
    ConnectionFactory database;
    LibraryService library;

    @BeforeEach
    void setUp() {
        music = tmp.resolve("music");
        database = TestLibrary.database(tmp.resolve("db"));
    }

    @AfterEach
    void tearDown() {
        if (library != null) {
            library.close();
        }
    }

    private LibrarySettings settings() {
        return TestLibrary.settings(music, tmp.resolve("cache"));
    }

    private LibraryService start(LibrarySettings settings) {
        if (library != null) {
            library.close();
        }
        library = TestLibrary.started(settings, database);
        return library;
    }

    private Track track(String title) {
        return library.catalogue().tracks().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private Path song(String path, String title) {
        return AudioFixtures.mp3(music.resolve(path)).title(title).artist("The Band").album("Record").seconds(5).write();
    }

    @Test
    void anUnreadableFileIsSkippedWithItsReasonWhileTheRestIsIndexed() throws Exception {
        song("The Band/Record/01 One.mp3", "One");
        Files.createFile(music.resolve("The Band/Record/02 Empty.mp3"));
        Files.write(music.resolve("The Band/Record/03 Junk.flac"), "junk".getBytes());

        start(settings());

        assertThat(library.catalogue().tracks()).extracting(Track::title).containsExactly("One");
        assertThat(library.scanStatus().skipped()).containsExactly(
                new ScanStatus.SkippedFile("The Band/Record/02 Empty.mp3", "the file is empty"),
                new ScanStatus.SkippedFile("The Band/Record/03 Junk.flac",
                        library.scanStatus().skipped().get(1).reason()));
        assertThat(library.scanStatus().skipped().get(1).reason()).startsWith("not a readable .flac file");
        assertThat(library.scanStatus().tracksIndexed()).isEqualTo(1);
    }

    @Test
    void aSkippedFileIsLoggedOnceWithItsReasonNotOnEveryScan() throws Exception {
        ch.qos.logback.classic.Logger logger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Scanner.class);
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            song("The Band/Record/01 One.mp3", "One");
            Path junk = Files.write(music.resolve("The Band/Record/02 Junk.flac"), "junk".getBytes());

            start(settings());
            library.scanNow(false);
            library.scanNow(true);
            List<String> afterThreeScans = appender.list.stream().map(e -> e.getFormattedMessage())
                    .filter(m -> m.contains("02 Junk.flac")).toList();
            Files.write(junk, "other junk".getBytes());
            library.scanNow(false);
            List<String> afterAChange = appender.list.stream().map(e -> e.getFormattedMessage())
                    .filter(m -> m.contains("02 Junk.flac")).toList();

            assertThat(afterThreeScans).hasSize(1);
            assertThat(afterThreeScans.get(0)).contains("not a readable .flac file");
            assertThat(afterAChange).hasSize(2);
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void hiddenFilesAndFoldersAndNonAudioFilesAreIgnored() {
        song("The Band/Record/01 One.mp3", "One");
        song(".hidden/02 Two.mp3", "Two");
        song("The Band/Record/.03 Three.mp3", "Three");

        start(settings());

        assertThat(library.catalogue().tracks()).extracting(Track::title).containsExactly("One");
    }

    @Test
    void trackIdsStayTheSameAcrossRescansAndRestarts() {
        song("The Band/Record/01 One.mp3", "One");
        song("The Band/Record/02 Two.mp3", "Two");
        start(settings());
        String one = track("One").id();
        String two = track("Two").id();

        library.scanNow(true);
        assertThat(track("One").id()).isEqualTo(one);

        library.close();
        library = new LibraryService(settings(), database, Clock.systemUTC());
        library.start();
        assertThat(track("One").id()).as("visible from the database before any scan").isEqualTo(one);
        library.scanNow(false);
        assertThat(track("Two").id()).isEqualTo(two);
    }

    @Test
    void aReadWhileTheStoredCatalogueLoadsInTheBackgroundWaitsForAllOfIt() {
        for (int i = 1; i <= 30; i++) {
            song("The Band/Record/%02d Song %d.mp3".formatted(i, i), "Song " + i);
        }
        start(settings());
        library.close();

        library = new LibraryService(settings(), database, Clock.systemUTC());
        library.startLoadingCatalogue();

        assertThat(library.catalogue().tracks()).as("read at once, answered only once loaded").hasSize(30);
        assertThat(library.scanStatus().tracksIndexed()).isEqualTo(30);
    }

    @Test
    void theStoredCatalogueReadsTheSameOverJdbcAsOverR2dbc() throws Exception {
        song("The Band/Record/01 One.mp3", "One");
        AudioFixtures.mp3(music.resolve("Various/Mix/01 Two.mp3")).title("Two").artist("Someone", "Another")
                .albumArtist("Various Artists").album("Mix").genres("Rock", "Pop").year(1999).seconds(5).write();
        Files.write(music.resolve("Various/Mix/02 Broken.mp3"), new byte[] {1, 2, 3});
        start(settings());

        CatalogueStore.Snapshot overR2dbc = new CatalogueStore(database).load();
        CatalogueStore.Snapshot overJdbc = new CatalogueStore(database, TestLibrary.jdbc(tmp.resolve("db"))).load();

        assertThat(overR2dbc.tracks()).hasSize(2);
        assertThat(overR2dbc.skipped()).hasSize(1);
        assertThat(overJdbc).usingRecursiveComparison().isEqualTo(overR2dbc);
    }

    @Test
    void aMovedFileKeepsItsTrackId() throws Exception {
        Path file = song("The Band/Record/01 One.mp3", "One");
        start(settings());
        String id = track("One").id();

        Files.createDirectories(music.resolve("Elsewhere"));
        Files.move(file, music.resolve("Elsewhere/one.mp3"));
        library.scanNow(false);

        assertThat(library.catalogue().tracks()).singleElement().satisfies(track -> {
            assertThat(track.id()).isEqualTo(id);
            assertThat(track.path()).isEqualTo("Elsewhere/one.mp3");
        });
    }

    @Test
    void aFileCarryingItsMinstrelIdKeepsItAfterBeingRetaggedAndMovedAndACopyGetsItsOwn() throws Exception {
        Path file = song("The Band/Record/01 One.mp3", "One");
        TagEditor tags = TagEditor.open(file);
        assertThat(tags.addMinstrelId("tr-0123456789abcdEF")).isTrue();
        tags.save();
        start(settings());
        assertThat(track("One").id()).as("a new file's id is the one it carries").isEqualTo("tr-0123456789abcdEF");

        retag(file, "One (Remastered)");
        Files.createDirectories(music.resolve("Elsewhere"));
        Path moved = Files.move(file, music.resolve("Elsewhere/one.mp3"));
        library.scanNow(false);
        assertThat(library.catalogue().tracks()).singleElement().satisfies(track -> {
            assertThat(track.id()).isEqualTo("tr-0123456789abcdEF");
            assertThat(track.title()).isEqualTo("One (Remastered)");
            assertThat(track.path()).isEqualTo("Elsewhere/one.mp3");
        });

        retag(moved, "One (Live)");
        Path again = Files.move(moved, music.resolve("The Band/Record/01 One (Live).mp3"));
        library.index(List.of(again));
        assertThat(library.catalogue().tracks()).singleElement().satisfies(track -> {
            assertThat(track.id()).as("indexing the file at its new place knows it too").isEqualTo("tr-0123456789abcdEF");
            assertThat(track.title()).isEqualTo("One (Live)");
        });

        Files.copy(again, music.resolve("The Band/Record/copy.mp3"));
        library.scanNow(false);
        assertThat(library.catalogue().tracks()).hasSize(2).extracting(Track::id).doesNotHaveDuplicates()
                .contains("tr-0123456789abcdEF");
    }

    private static void retag(Path file, String title) throws Exception {
        TagEditor tags = TagEditor.open(file);
        tags.set(TagEditor.Field.TITLE, title);
        tags.set(TagEditor.Field.ALBUM, "Record (Deluxe)");
        tags.save();
    }

    @Test
    void aDeletedFileDisappears() throws Exception {
        song("The Band/Record/01 One.mp3", "One");
        Path two = song("The Band/Record/02 Two.mp3", "Two");
        start(settings());

        Files.delete(two);
        library.scanNow(false);

        assertThat(library.catalogue().tracks()).extracting(Track::title).containsExactly("One");
        library.close();
        library = TestLibrary.started(settings(), database);
        assertThat(library.catalogue().tracks()).extracting(Track::title).containsExactly("One");
    }

    @Test
    void aChangedFileIsReReadAndKeepsItsId() throws Exception {
        Path file = song("The Band/Record/01 One.mp3", "One");
        start(settings());
        String id = track("One").id();

        AudioFixtures.mp3(file).title("One (Remastered)").artist("The Band").album("Record").seconds(6).write();
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        library.scanNow(false);

        assertThat(track("One (Remastered)").id()).isEqualTo(id);
        assertThat(track("One (Remastered)").durationSeconds()).isEqualTo(6);
    }

    @Test
    void anUnchangedFileIsNotReRead() throws Exception {
        Path file = song("The Band/Record/01 One.mp3", "One");
        start(settings());
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);

        // same size and modification time, different tags: only a re-read would notice
        AudioFixtures.mp3(file).title("Onf").artist("The Band").album("Record").seconds(5).write();
        Files.setLastModifiedTime(file, modified);
        assertThat(Files.size(file)).isEqualTo(size);
        library.scanNow(false);
        assertThat(library.catalogue().tracks()).extracting(Track::title).containsExactly("One");

        library.scanNow(true);
        assertThat(library.catalogue().tracks()).extracting(Track::title).containsExactly("Onf");
    }

    @Test
    void tracksGroupIntoAlbumsByAlbumArtistAndCreditEveryArtist() {
        AudioFixtures.mp3(music.resolve("a/1.mp3")).title("Duet").artist("Ana feat. Bo").albumArtist("Ana")
                .album("First").track(2).write();
        AudioFixtures.mp3(music.resolve("a/2.mp3")).title("Solo").artist("Ana").albumArtist("Ana").album("First")
                .track(1).write();
        AudioFixtures.mp3(music.resolve("b/1.mp3")).title("Other").artist("Cy").albumArtist("Cy").album("First").write();

        start(settings());
        Catalogue catalogue = library.catalogue();

        assertThat(catalogue.albums()).hasSize(2);
        Album first = catalogue.album(track("Solo").albumId()).orElseThrow();
        assertThat(catalogue.tracksOf(first)).extracting(Track::title).containsExactly("Solo", "Duet");
        assertThat(track("Duet").artist()).isEqualTo("Ana feat. Bo");
        assertThat(track("Duet").artists()).extracting(ArtistRef::name).containsExactly("Ana", "Bo");
        Artist bo = catalogue.artists().stream().filter(a -> a.name().equals("Bo")).findFirst()
                .orElseGet(() -> catalogue.artist(track("Duet").artists().get(1).id()).orElseThrow());
        assertThat(bo.trackIds()).containsExactly(track("Duet").id());
    }

    @Test
    void compilationsAreFiledUnderVariousArtists() {
        AudioFixtures.mp3(music.resolve("Hits/1.mp3")).title("A").artist("Ana").album("Hits").compilation(true).write();
        AudioFixtures.mp3(music.resolve("Hits/2.mp3")).title("B").artist("Bo").album("Hits").compilation(true).write();

        start(settings());

        assertThat(library.catalogue().albums()).singleElement().satisfies(album -> {
            assertThat(album.artist()).isEqualTo("Various Artists");
            assertThat(album.compilation()).isTrue();
            assertThat(album.songCount()).isEqualTo(2);
        });
    }

    @Test
    void theArtistIndexIgnoresConfiguredArticles() {
        AudioFixtures.mp3(music.resolve("1.mp3")).title("x").artist("The Beatles").albumArtist("The Beatles").album("A").write();
        AudioFixtures.mp3(music.resolve("2.mp3")).title("y").artist("Abba").albumArtist("Abba").album("B").write();

        start(settings());
        assertThat(library.catalogue().artistIndex()).extracting(IndexEntry::key).containsExactly("A", "B");

        start(settings().withCatalogue(new CatalogueSettings(List.of(), "Various Artists")));
        library.scanNow(true);
        assertThat(library.catalogue().artistIndex()).extracting(IndexEntry::key).containsExactly("A", "T");
    }

    @Test
    void indexAddsGivenFilesAtOnce() {
        song("The Band/Record/01 One.mp3", "One");
        start(settings());
        Path two = song("The Band/Record/02 Two.mp3", "Two");

        List<Track> indexed = library.index(List.of(two));

        assertThat(indexed).extracting(Track::title).containsExactly("Two");
        assertThat(library.catalogue().track(indexed.get(0).id())).isPresent();
        assertThat(library.catalogue().trackCount()).isEqualTo(2);
        library.scanNow(false);
        assertThat(track("Two").id()).isEqualTo(indexed.get(0).id());
    }

    @Test
    void theWatcherPicksUpANewFile() throws Exception {
        song("The Band/Record/01 One.mp3", "One");
        start(settings().withWatch(true));

        song("The Band/New/01 Fresh.mp3", "Fresh");

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (library.catalogue().trackCount() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(library.catalogue().tracks()).extracting(Track::title).contains("Fresh");
    }

    @Test
    void readersDuringAScanSeeTheOldCatalogueOrTheNewOneNeverHalf() throws Exception {
        for (int i = 1; i <= 30; i++) {
            song("The Band/Record/" + i + ".mp3", "Song " + i);
        }
        start(settings());
        for (int i = 31; i <= 60; i++) {
            AudioFixtures.mp3(tmp.resolve("staging/" + i + ".mp3")).title("Song " + i).artist("The Band")
                    .album("More").seconds(5).write();
        }
        Files.move(tmp.resolve("staging"), music.resolve("More"));
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> violation = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!done.get()) {
                Catalogue seen = library.catalogue();
                int tracks = seen.trackCount();
                int inAlbums = seen.albums().stream().mapToInt(Album::songCount).sum();
                if ((tracks != 30 && tracks != 60) || inAlbums != tracks) {
                    violation.set("saw " + tracks + " tracks, " + inAlbums + " in albums");
                }
            }
        });
        reader.start();
        library.scanNow(false);
        done.set(true);
        reader.join();

        assertThat(violation.get()).isNull();
        assertThat(library.catalogue().trackCount()).isEqualTo(60);
    }

    @Test
    void onlyOneScanRunsAtATime() {
        song("The Band/Record/01 One.mp3", "One");
        library = new LibraryService(settings(), database, Clock.systemUTC());

        boolean first = library.startScan(false);
        boolean second = library.startScan(false);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
    }

    @Test
    void theMusicFolderIsCreatedWhenMissing() {
        start(settings());

        assertThat(music).isDirectory();
        assertThat(library.catalogue().trackCount()).isZero();
    }
}
