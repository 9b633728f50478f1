package dev.minstrel.library.catalogue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LibraryPathTest {

    @Test
    void namesAreSafeOnEveryCommonFilesystem() {
        assertThat(LibraryPath.safe("AC/DC")).isEqualTo("AC_DC");
        assertThat(LibraryPath.safe("What? <Live> \"Tokyo\": Part 1|2*")).isEqualTo("What_ _Live_ _Tokyo__ Part 1_2_");
        assertThat(LibraryPath.safe("..hidden")).isEqualTo("_hidden");
        assertThat(LibraryPath.safe("Trailing dots...")).isEqualTo("Trailing dots");
        assertThat(LibraryPath.safe("  ")).isEqualTo("Unknown");
        assertThat(LibraryPath.safe("x".repeat(300))).hasSize(120);
        assertThat(LibraryPath.safe("Beyoncé – 世界")).isEqualTo("Beyoncé – 世界");
    }

    @Test
    void aTrackBelongsUnderItsAlbumArtistAndAlbumNumberedWhenItHasANumber() {
        assertThat(LibraryPath.of("AC/DC", "Back in Black", 1, 1, "Hells Bells", "MP3"))
                .isEqualTo("AC_DC/Back in Black/01 - Hells Bells.mp3");
        assertThat(LibraryPath.of("Pink Floyd", "The Wall", 1, null, "In the Flesh?", "m4a"))
                .isEqualTo("Pink Floyd/The Wall/In the Flesh_.m4a");
        assertThat(LibraryPath.of(null, " ", null, 3, "Intro", "flac")).isEqualTo("Unknown/Unknown/03 - Intro.flac");
    }

    @Test
    void fromTheSecondDiscOnTheDiscLeadsTheNumberSoTwoDiscsNeverShareAPath() {
        assertThat(LibraryPath.of("Pink Floyd", "The Wall", 1, 1, "Intro", "m4a"))
                .isEqualTo("Pink Floyd/The Wall/01 - Intro.m4a");
        assertThat(LibraryPath.of("Pink Floyd", "The Wall", 2, 1, "Intro", "m4a"))
                .isEqualTo("Pink Floyd/The Wall/02-01 - Intro.m4a");
        assertThat(LibraryPath.of("Pink Floyd", "The Wall", 2, null, "Intro", "m4a"))
                .as("an unnumbered track has only its title").isEqualTo("Pink Floyd/The Wall/Intro.m4a");
    }
}
