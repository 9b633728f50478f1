package dev.minstrel.library.lyrics;

import dev.minstrel.library.LibraryService;
import dev.minstrel.library.TestLibrary;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.fixtures.AudioFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LyricsTest {

    @TempDir
    Path tmp;
    LibraryService library;

    @AfterEach
    void tearDown() {
        if (library != null) {
            library.close();
        }
    }

    private Track only() {
        library = TestLibrary.started(TestLibrary.settings(tmp.resolve("music"), tmp.resolve("cache")),
                TestLibrary.database(tmp.resolve("db")));
        return library.catalogue().tracks().get(0);
    }

    @Test
    void anLrcFileBesideTheTrackGivesSyncedLyrics() throws Exception {
        AudioFixtures.mp3(tmp.resolve("music/A/B/01 Song.mp3")).title("Song").artist("A").lyrics("embedded words").write();
        Files.writeString(tmp.resolve("music/A/B/01 Song.lrc"), """
                [ar:Lrc Artist]
                [ti:Lrc Title]
                [la:en]
                [00:12.50][01:02.00]Chorus line
                [00:01.00]First line
                """);

        Lyrics lyrics = library(only());

        assertThat(lyrics.synced()).isTrue();
        assertThat(lyrics.artist()).isEqualTo("Lrc Artist");
        assertThat(lyrics.title()).isEqualTo("Lrc Title");
        assertThat(lyrics.lang()).isEqualTo("en");
        assertThat(lyrics.lines()).containsExactly(
                new Lyrics.Line(1_000L, "First line"),
                new Lyrics.Line(12_500L, "Chorus line"),
                new Lyrics.Line(62_000L, "Chorus line"));
    }

    @Test
    void withoutAnLrcFileTheEmbeddedLyricsAreUsed() {
        AudioFixtures.mp3(tmp.resolve("music/A/B/01 Song.mp3")).title("Song").artist("A")
                .lyrics("Line one\nLine two").write();

        Lyrics lyrics = library(only());

        assertThat(lyrics.synced()).isFalse();
        assertThat(lyrics.lang()).isEqualTo("xxx");
        assertThat(lyrics.artist()).isEqualTo("A");
        assertThat(lyrics.lines()).containsExactly(new Lyrics.Line(null, "Line one"), new Lyrics.Line(null, "Line two"));
    }

    @Test
    void embeddedLyricsInLrcFormAreSynced() {
        AudioFixtures.flac(tmp.resolve("music/A/B/01 Song.flac")).title("Song").artist("A")
                .lyrics("[00:05.1]Hello\n[00:07.25]World").write();

        Lyrics lyrics = library(only());

        assertThat(lyrics.synced()).isTrue();
        assertThat(lyrics.lines()).containsExactly(new Lyrics.Line(5_100L, "Hello"), new Lyrics.Line(7_250L, "World"));
    }

    @Test
    void aTrackWithoutLyricsHasNone() {
        AudioFixtures.mp3(tmp.resolve("music/A/B/01 Song.mp3")).title("Song").artist("A").write();

        assertThat(libraryLyrics(only())).isEmpty();
    }

    @Test
    void theLrcOffsetHeaderShiftsEveryLine() {
        Lyrics lyrics = LrcParser.parse("[offset:+500]\n[00:02.00]Two", "a", "t");

        assertThat(lyrics.lines()).containsExactly(new Lyrics.Line(1_500L, "Two"));
    }

    private Lyrics library(Track track) {
        return library.lyrics(track).orElseThrow();
    }

    private Optional<Lyrics> libraryLyrics(Track track) {
        return library.lyrics(track);
    }
}
