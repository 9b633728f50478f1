package dev.minstrel.library.search;

import dev.minstrel.library.LibraryService;
import dev.minstrel.library.TestLibrary;
import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.fixtures.AudioFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Search over a scanned library, as search3 uses it. */
class CatalogueSearchTest {

    @TempDir
    static Path tmp;
    static LibraryService library;

    @BeforeAll
    static void scan() {
        Path music = tmp.resolve("music");
        AudioFixtures.mp3(music.resolve("1.mp3")).title("Let It Be").artist("The Beatles").albumArtist("The Beatles")
                .album("Let It Be").write();
        AudioFixtures.mp3(music.resolve("2.mp3")).title("Beat It").artist("Michael Jackson")
                .albumArtist("Michael Jackson").album("Thriller").write();
        AudioFixtures.mp3(music.resolve("3.mp3")).title("Halo").artist("Beyoncé").albumArtist("Beyoncé")
                .album("I Am... Sasha Fierce").write();
        AudioFixtures.mp3(music.resolve("4.mp3")).title("Crazy in Love").artist("Beyoncé").albumArtist("Beyoncé")
                .album("Dangerously in Love").write();
        library = TestLibrary.started(TestLibrary.settings(music, tmp.resolve("cache")),
                TestLibrary.database(tmp.resolve("db")));
    }

    @AfterAll
    static void close() {
        library.close();
    }

    private static SearchResult search(String text) {
        return library.catalogue().search(SearchQuery.of(text, 20));
    }

    @Test
    void aWordPrefixFindsTheArtist() {
        assertThat(search("beat").artists()).extracting(Artist::name).containsExactly("The Beatles");
    }

    @Test
    void searchIgnoresCaseAndAccents() {
        assertThat(search("BEYONCE").artists()).extracting(Artist::name).containsExactly("Beyoncé");
        assertThat(search("beyoncé").tracks()).extracting(Track::title).containsExactlyInAnyOrder("Halo", "Crazy in Love");
    }

    @Test
    void theItemsOwnNameRanksAboveItsArtistsOrAlbums() {
        assertThat(search("beat").tracks()).extracting(Track::title).containsExactly("Beat It", "Let It Be");
    }

    @Test
    void resultsArePagedStably() {
        SearchQuery firstPage = new SearchQuery("", 0, 0, 0, 0, 2, 0);
        SearchQuery secondPage = new SearchQuery("", 0, 0, 0, 0, 2, 2);

        var first = library.catalogue().search(firstPage).tracks();
        var second = library.catalogue().search(secondPage).tracks();

        assertThat(first).hasSize(2);
        assertThat(second).hasSize(2).doesNotContainAnyElementsOf(first);
        assertThat(library.catalogue().search(firstPage).tracks()).isEqualTo(first);
    }

    @Test
    void anEmptyQueryMatchesEverythingInCatalogueOrder() {
        SearchResult all = search("");

        assertThat(all.tracks()).isEqualTo(library.catalogue().tracks());
        assertThat(all.albums()).extracting(Album::name).hasSize(4);
    }
}
