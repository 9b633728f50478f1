package dev.minstrel.ingest.landing;

import dev.minstrel.ingest.link.Link;
import dev.minstrel.ingest.link.LinkParser;
import dev.minstrel.library.LibraryService;
import dev.minstrel.library.TestLibrary;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.fixtures.AudioFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a song the library has is recognised, over a real library of tagged files. */
class DuplicatesTest {

    private static final String SPOTIFY = "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC";
    private static final String VIDEO = "https://www.youtube.com/watch?v=dQw4w9WgXcQ";

    @TempDir
    Path dir;
    LibraryService library;
    final Duplicates duplicates = new Duplicates();

    @BeforeEach
    void library() {
        AudioFixtures.mp3(dir.resolve("music/Ana/Single/01 - One.mp3")).title("One").artist("Ana").album("Single")
                .sourceUrl(SPOTIFY).isrc("GBAYE0601498").seconds(20).write();
        AudioFixtures.mp3(dir.resolve("music/Bo/Video/Two.mp3")).title("Two").artist("Bo").album("Video")
                .sourceUrl(VIDEO).seconds(30).write();
        AudioFixtures.mp3(dir.resolve("music/Cy/Bought/03 - Three.mp3")).title("Three").artist("Cy").album("Bought")
                .seconds(40).write();
        library = TestLibrary.started(TestLibrary.settings(dir.resolve("music"), dir.resolve("cache")),
                TestLibrary.database(dir.resolve("data")));
    }

    @AfterEach
    void close() {
        library.close();
    }

    private Track titled(String title) {
        return library.catalogue().tracks().stream().filter(t -> t.title().equals(title)).findFirst().orElseThrow();
    }

    private static CompletedTags file(String title, String artist, double seconds, String source, String isrc) {
        return new CompletedTags(title, artist, artist, "Somewhere", 1, 1, seconds, source, isrc, false);
    }

    @Test
    void aSingleSongLinkIsKnownByItsSourceWhicheverFormItWasPastedIn() {
        LinkParser links = new LinkParser();
        assertThat(duplicates.bySource(library.catalogue(), links.parse(SPOTIFY + "?si=share"))).contains(titled("One"));
        assertThat(duplicates.bySource(library.catalogue(), links.parse("https://music.youtube.com/watch?v=dQw4w9WgXcQ")))
                .contains(titled("Two"));
        assertThat(duplicates.bySource(library.catalogue(), links.parse("https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3")))
                .as("a list is never one song").isEmpty();
        assertThat(duplicates.in(library.catalogue()).youTubeVideoIds()).containsExactly("dQw4w9WgXcQ");
        assertThat(Link.youTubeVideo("dQw4w9WgXcQ")).as("a video id is the link it came from").isEqualTo(links.parse(VIDEO));
    }

    @Test
    void aDownloadedFileIsKnownBySourceThenIsrcThenArtistTitleAndLength() {
        assertThat(duplicates.find(library.catalogue(), file("Other name", "Other", 99, SPOTIFY, null)))
                .as("same Spotify track").contains(titled("One"));
        assertThat(duplicates.find(library.catalogue(),
                file("One (Album Version)", "Ana", 20, "https://open.spotify.com/track/7GhIk7Il098yCjg4BQjzvb", "GBAYE0601498")))
                .as("another Spotify track of the same recording").contains(titled("One"));
        assertThat(duplicates.find(library.catalogue(), file("three", "CY", 41.5, null, null)))
                .as("no source or ISRC: same artist and title, length within 2 s").contains(titled("Three"));
        assertThat(duplicates.find(library.catalogue(), file("Three", "Cy", 43, null, null))).isEmpty();
        assertThat(duplicates.find(library.catalogue(), file("Four", "Cy", 40, null, "USRC17607839"))).isEmpty();
    }

    @Test
    void theIndexFollowsTheLibrarysCatalogue() {
        assertThat(duplicates.find(library.catalogue(), file("x", "y", 1, null, "USRC17607839"))).isEmpty();

        Path landed = AudioFixtures.mp3(dir.resolve("music/Di/Four/04 - Four.mp3")).title("Four").artist("Di")
                .isrc("USRC17607839").seconds(25).write();
        library.index(List.of(landed));

        assertThat(duplicates.find(library.catalogue(), file("x", "y", 1, null, "USRC17607839")))
                .contains(titled("Four"));
    }
}
