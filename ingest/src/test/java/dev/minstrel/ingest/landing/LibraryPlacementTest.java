package dev.minstrel.ingest.landing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LibraryPlacementTest {

    @Test
    void aFileIsFiledAsAlbumArtistAlbumNumberTitleAndNeverOverwritesAnother(@TempDir Path dir) throws Exception {
        LibraryPlacement placement = new LibraryPlacement(dir.resolve("music"));
        CompletedTags tags = new CompletedTags("Song: One", "A", "A/B", "Album?", 1, 3, 200, null, null, false);
        Path first = Files.writeString(dir.resolve("one.mp3"), "first");
        Path second = Files.writeString(dir.resolve("two.MP3"), "second");

        assertThat(placement.moveIn(first, tags)).isEqualTo(dir.resolve("music/A_B/Album_/03 - Song_ One.mp3"));
        assertThat(placement.moveIn(second, tags)).isEqualTo(dir.resolve("music/A_B/Album_/03 - Song_ One (2).mp3"));
        assertThat(dir.resolve("music/A_B/Album_/03 - Song_ One.mp3")).hasContent("first");
        assertThat(first).doesNotExist();
    }

    @Test
    void theSameNumberAndTitleOnTwoDiscsAreTwoNamesNotOneNameAndASuffix(@TempDir Path dir) throws Exception {
        LibraryPlacement placement = new LibraryPlacement(dir.resolve("music"));
        Path first = Files.writeString(dir.resolve("one.mp3"), "disc one");
        Path second = Files.writeString(dir.resolve("two.mp3"), "disc two");

        assertThat(placement.moveIn(first, new CompletedTags("Intro", "A", "A", "Live", 1, 1, 60, null, null, false)))
                .isEqualTo(dir.resolve("music/A/Live/01 - Intro.mp3"));
        assertThat(placement.moveIn(second, new CompletedTags("Intro", "A", "A", "Live", 2, 1, 60, null, null, false)))
                .isEqualTo(dir.resolve("music/A/Live/02-01 - Intro.mp3"));
    }
}
