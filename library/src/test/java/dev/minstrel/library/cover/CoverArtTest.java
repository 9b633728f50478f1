package dev.minstrel.library.cover;

import dev.minstrel.library.LibraryService;
import dev.minstrel.library.TestLibrary;
import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.fixtures.AudioFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
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

        assertThat(track.coverArtId()).isEqualTo(track.id());
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

        assertThat(track.coverArtId()).isEqualTo(album.id());
        assertThat(album.coverArtId()).isEqualTo(album.id());
        CoverArt art = library.coverArt(album.id(), null).orElseThrow();
        assertThat(art.contentType()).isEqualTo("image/jpeg");
        assertThat(Files.readAllBytes(art.file())).isEqualTo(jpeg);
        assertThat(library.coverArt(track.id(), null)).contains(art);
        assertThat(library.coverArt(track.folderId(), null)).contains(art);
        assertThat(library.coverArt(track.artistId(), null)).contains(art);
    }

    @Test
    void unknownIdsAndAlbumsWithoutArtHaveNone() {
        AudioFixtures.mp3(tmp.resolve("music/A/B/1.mp3")).title("Plain").album("B").artist("A").write();
        start(10_000_000);

        assertThat(track("Plain").coverArtId()).isNull();
        assertThat(library.coverArt(track("Plain").albumId(), null)).isEmpty();
        assertThat(library.coverArt("al-nothing", 100)).isEmpty();
        assertThat(library.coverArt("../../etc/passwd", 100)).isEmpty();
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
