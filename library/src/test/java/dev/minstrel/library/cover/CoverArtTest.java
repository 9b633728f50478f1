package dev.minstrel.library.cover;

import dev.minstrel.library.LibraryService;
import dev.minstrel.library.TestLibrary;
import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.Folder;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.fixtures.AudioFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CoverArtTest {

    @TempDir
    Path tmp;
    LibraryService library;

    @AfterEach
    void tearDown() {
        if (library != null) {
            library.close();
        }
    }

    private void start(long cacheBytes) {
        library = TestLibrary.started(TestLibrary.settings(tmp.resolve("music"), tmp.resolve("cache"))
                .withThumbnailCacheBytes(cacheBytes), TestLibrary.database(tmp.resolve("db")));
    }

    private Track track(String title) {
        return library.catalogue().tracks().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private static BufferedImage read(CoverArt art) throws Exception {
        return ImageIO.read(art.file().toFile());
    }

    @Test
    void aTrackWithEmbeddedArtServesItsOwnPicture() throws Exception {
        byte[] png = AudioFixtures.png(300, 200);
        AudioFixtures.mp3(tmp.resolve("music/A/B/1.mp3")).title("Pictured").album("B").artist("A").cover(png).write();
        start(10_000_000);
        Track track = track("Pictured");

        assertThat(Ids.withoutVersion(track.coverArtId())).isEqualTo(track.id());
        CoverArt original = library.coverArt(track.id(), null).orElseThrow();
        assertThat(original.contentType()).isEqualTo("image/png");
        assertThat(Files.readAllBytes(original.file())).isEqualTo(png);
        assertThat(original.file().toString()).doesNotContain("Pictured").doesNotContain("/A/B/");
    }

    @Test
    void artIsScaledToTheRequestedSizeKeepingItsShape() throws Exception {
        AudioFixtures.mp3(tmp.resolve("music/A/B/1.mp3")).title("Pictured").album("B").artist("A")
                .cover(AudioFixtures.png(300, 200)).write();
        start(10_000_000);

        CoverArt small = library.coverArt(track("Pictured").id(), 60).orElseThrow();

        BufferedImage image = read(small);
        assertThat(image.getWidth()).isEqualTo(60);
        assertThat(image.getHeight()).isEqualTo(40);
        assertThat(library.coverArt(track("Pictured").id(), 60)).contains(small);
        assertThat(read(library.coverArt(track("Pictured").id(), 1000).orElseThrow()).getWidth())
                .as("never scaled up").isEqualTo(300);
    }

    @Test
    void aLargeScanIsDecodedSubsampledAndStillScaledToTheExactSize() throws Exception {
        AudioFixtures.mp3(tmp.resolve("music/A/B/1.mp3")).title("Scanned").album("B").artist("A").write();
        Files.write(tmp.resolve("music/A/B/cover.jpg"), AudioFixtures.jpeg(3000, 1500));
        start(10_000_000);

        BufferedImage image = read(library.coverArt(track("Scanned").id(), 100).orElseThrow());

        assertThat(image.getWidth()).isEqualTo(100);
        assertThat(image.getHeight()).isEqualTo(50);
    }

    @Test
    void anArtsTimeIsItsSourcesAndStaysPutWhileTheCacheIsUsed() throws Exception {
        Path file = AudioFixtures.mp3(tmp.resolve("music/A/B/1.mp3")).title("Pictured").album("B").artist("A")
                .cover(AudioFixtures.png(300, 200)).write();
        start(10_000_000);
        long sourceTime = Files.getLastModifiedTime(file).toMillis();

        CoverArt first = library.coverArt(track("Pictured").id(), 60).orElseThrow();
        Thread.sleep(20);
        CoverArt again = library.coverArt(track("Pictured").id(), 60).orElseThrow();
        CoverArt original = library.coverArt(track("Pictured").id(), null).orElseThrow();

        assertThat(first.modified()).isEqualTo(sourceTime);
        assertThat(again.modified()).as("HTTP validators must not follow the cache's use times").isEqualTo(sourceTime);
        assertThat(original.modified()).isEqualTo(sourceTime);
    }

    @Test
    void anAlbumPrefersItsFolderImageAndTracksWithoutArtUseTheAlbums() throws Exception {
        byte[] jpeg = AudioFixtures.jpeg(100, 100);
        AudioFixtures.mp3(tmp.resolve("music/A/B/1.mp3")).title("Plain").album("B").artist("A").write();
        Files.write(tmp.resolve("music/A/B/Cover.JPG"), jpeg);
        start(10_000_000);
        Track track = track("Plain");
        Album album = library.catalogue().album(track.albumId()).orElseThrow();

        assertThat(track.coverArtId()).isEqualTo(album.coverArtId());
        assertThat(Ids.withoutVersion(album.coverArtId())).isEqualTo(album.id());
        CoverArt art = library.coverArt(album.id(), null).orElseThrow();
        assertThat(art.contentType()).isEqualTo("image/jpeg");
        assertThat(Files.readAllBytes(art.file())).isEqualTo(jpeg);
        assertThat(library.coverArt(track.id(), null)).contains(art);
        assertThat(library.coverArt(track.folderId(), null)).contains(art);
        assertThat(library.coverArt(track.artistId(), null)).contains(art);
    }

    @Test
    void coverArtIdsCarryTheTimeOfTheArtTheyShow() throws Exception {
        Path pictured = AudioFixtures.mp3(tmp.resolve("music/A/Embedded/1.mp3")).title("Pictured").album("Embedded")
                .artist("A").cover(AudioFixtures.png(50, 50)).write();
        AudioFixtures.mp3(tmp.resolve("music/A/Foldered/1.mp3")).title("Plain").album("Foldered").artist("A").write();
        Path image = tmp.resolve("music/A/Foldered/cover.jpg");
        Files.write(image, AudioFixtures.jpeg(40, 40));
        Files.setLastModifiedTime(image, FileTime.fromMillis(1_760_000_000_000L));
        Files.setLastModifiedTime(pictured, FileTime.fromMillis(1_750_000_000_000L));
        start(10_000_000);
        Track embedded = track("Pictured");
        Track plain = track("Plain");
        Album foldered = library.catalogue().album(plain.albumId()).orElseThrow();
        Folder folder = library.catalogue().folder(plain.folderId()).orElseThrow();

        assertThat(embedded.coverArtId()).isEqualTo(embedded.id() + "_" + Long.toHexString(1_750_000_000_000L));
        assertThat(foldered.coverArtId()).isEqualTo(foldered.id() + "_" + Long.toHexString(1_760_000_000_000L));
        assertThat(plain.coverArtId()).isEqualTo(foldered.coverArtId());
        assertThat(folder.coverArtId()).isEqualTo(folder.id() + "_" + Long.toHexString(1_760_000_000_000L));
        assertThat(library.catalogue().album(embedded.albumId()).orElseThrow().coverArtId())
                .isEqualTo(embedded.albumId() + "_" + Long.toHexString(1_750_000_000_000L));
        for (String id : List.of(embedded.coverArtId(), foldered.coverArtId(), folder.coverArtId())) {
            CoverArt art = library.coverArt(id, null).orElseThrow();
            assertThat(id).as("the version is the served art's time").endsWith("_" + Long.toHexString(art.modified()));
            assertThat(library.coverArt(Ids.withoutVersion(id), null)).as("the plain id still answers").contains(art);
        }
    }

    @Test
    void editedArtGetsANewIdAndTheOldIdKeepsWorking() throws Exception {
        Path pictured = AudioFixtures.mp3(tmp.resolve("music/A/Embedded/1.mp3")).title("Pictured").album("Embedded")
                .artist("A").cover(AudioFixtures.png(50, 50)).write();
        AudioFixtures.mp3(tmp.resolve("music/A/Foldered/1.mp3")).title("Plain").album("Foldered").artist("A").write();
        Path image = tmp.resolve("music/A/Foldered/cover.jpg");
        Files.write(image, AudioFixtures.jpeg(40, 40));
        start(10_000_000);
        String embeddedBefore = track("Pictured").coverArtId();
        String folderedBefore = track("Plain").coverArtId();
        Artist artist = library.catalogue().artist(track("Plain").artistId()).orElseThrow();
        String artistBefore = artist.coverArtId();

        byte[] newJpeg = AudioFixtures.jpeg(60, 60);
        Files.write(image, newJpeg);
        Files.setLastModifiedTime(image, FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        AudioFixtures.mp3(pictured).title("Pictured").album("Embedded").artist("A").cover(AudioFixtures.png(70, 70)).write();
        Files.setLastModifiedTime(pictured, FileTime.fromMillis(System.currentTimeMillis() + 20_000));
        library.scanNow(false);

        assertThat(track("Pictured").coverArtId()).isNotEqualTo(embeddedBefore)
                .startsWith(track("Pictured").id() + "_");
        assertThat(track("Plain").coverArtId()).isNotEqualTo(folderedBefore).startsWith(track("Plain").albumId() + "_");
        assertThat(library.catalogue().artist(artist.id()).orElseThrow().coverArtId()).isNotEqualTo(artistBefore);
        assertThat(Files.readAllBytes(library.coverArt(folderedBefore, null).orElseThrow().file()))
                .as("an id cached before the edit gets the new art").isEqualTo(newJpeg);
        assertThat(read(library.coverArt(embeddedBefore, null).orElseThrow()).getWidth()).isEqualTo(70);
    }

    @Test
    void coverArtIdsStayTheSameAcrossRestarts() {
        AudioFixtures.mp3(tmp.resolve("music/A/Foldered/1.mp3")).title("Plain").album("Foldered").artist("A").write();
        try {
            Files.write(tmp.resolve("music/A/Foldered/folder.png"), AudioFixtures.png(40, 40));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        start(10_000_000);
        String before = track("Plain").coverArtId();
        library.close();

        library = new LibraryService(TestLibrary.settings(tmp.resolve("music"), tmp.resolve("cache"))
                .withThumbnailCacheBytes(10_000_000), TestLibrary.database(tmp.resolve("db")), Clock.systemUTC());
        library.start();
        assertThat(track("Plain").coverArtId()).as("as loaded from the database, before any scan").isEqualTo(before);
        assertThat(library.awaitIdle(Duration.ofSeconds(60))).isTrue();
        assertThat(track("Plain").coverArtId()).isEqualTo(before);
    }

    @Test
    void unknownIdsAndAlbumsWithoutArtHaveNone() {
        AudioFixtures.mp3(tmp.resolve("music/A/B/1.mp3")).title("Plain").album("B").artist("A").write();
        start(10_000_000);

        assertThat(track("Plain").coverArtId()).isNull();
        assertThat(library.coverArt(track("Plain").albumId(), null)).isEmpty();
        assertThat(library.coverArt("al-nothing", 100)).isEmpty();
        assertThat(library.coverArt("../../etc/passwd", 100)).isEmpty();
        assertThat(library.coverArt("al-nothing_18f0a", 100)).isEmpty();
        assertThat(library.coverArt("_1f", 100)).isEmpty();
    }

    @Test
    void theThumbnailCacheStaysWithinItsBound() throws Exception {
        for (int i = 0; i < 6; i++) {
            AudioFixtures.mp3(tmp.resolve("music/A/" + i + "/1.mp3")).title("T" + i).album("Album " + i).artist("A")
                    .cover(AudioFixtures.png(400, 400)).write();
        }
        long bound = 20_000;
        start(bound);

        for (int i = 0; i < 6; i++) {
            for (int size = 100; size <= 300; size += 100) {
                assertThat(library.coverArt(track("T" + i).id(), size)).isPresent();
            }
        }

        try (Stream<Path> files = Files.list(tmp.resolve("cache/covers"))) {
            long total = files.mapToLong(f -> f.toFile().length()).sum();
            assertThat(total).isLessThanOrEqualTo(bound + 20_000);
        }
        assertThat(read(library.coverArt(track("T0").id(), 100).orElseThrow()).getWidth()).isEqualTo(100);
    }
}
