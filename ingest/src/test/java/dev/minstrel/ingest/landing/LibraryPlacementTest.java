package dev.minstrel.ingest.landing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LibraryPlacementTest {

    @Test
    void namesAreSafeOnEveryCommonFilesystem() {
        assertThat(LibraryPlacement.safe("AC/DC")).isEqualTo("AC_DC");
        assertThat(LibraryPlacement.safe("What? <Live> \"Tokyo\": Part 1|2*")).isEqualTo("What_ _Live_ _Tokyo__ Part 1_2_");
        assertThat(LibraryPlacement.safe("..hidden")).isEqualTo("_hidden");
        assertThat(LibraryPlacement.safe("Trailing dots...")).isEqualTo("Trailing dots");
        assertThat(LibraryPlacement.safe("  ")).isEqualTo("Unknown");
        assertThat(LibraryPlacement.safe("x".repeat(300))).hasSize(120);
        assertThat(LibraryPlacement.safe("Beyoncé – 世界")).isEqualTo("Beyoncé – 世界");
    }

    @Test
    void aFileIsFiledAsAlbumArtistAlbumNumberTitleAndNeverOverwritesAnother(@TempDir Path dir) throws Exception {
        LibraryPlacement placement = new LibraryPlacement(dir.resolve("music"));
        CompletedTags tags = new CompletedTags("Song: One", "A", "A/B", "Album?", 3, 200, null, false);
        Path first = Files.writeString(dir.resolve("one.mp3"), "first");
        Path second = Files.writeString(dir.resolve("two.MP3"), "second");

        assertThat(placement.moveIn(first, tags)).isEqualTo(dir.resolve("music/A_B/Album_/03 - Song_ One.mp3"));
        assertThat(placement.moveIn(second, tags)).isEqualTo(dir.resolve("music/A_B/Album_/03 - Song_ One (2).mp3"));
        assertThat(dir.resolve("music/A_B/Album_/03 - Song_ One.mp3")).hasContent("first");
        assertThat(first).doesNotExist();
    }
}
