package dev.minstrel.library.catalogue;

import java.util.List;

/**
 * How the catalogue files and groups things.
 *
 * @param ignoredArticles leading words skipped when an artist is filed in the index and sorted
 *                        ("The Beatles" under B)
 * @param variousArtists  the album artist that compilations are filed under
 */
public record CatalogueSettings(List<String> ignoredArticles, String variousArtists) {

    public static final CatalogueSettings DEFAULTS = new CatalogueSettings(
            List.of("The", "El", "La", "Los", "Las", "Le", "Les", "Die", "Der", "Das", "A", "An"),
            "Various Artists");

    public CatalogueSettings {
        ignoredArticles = List.copyOf(ignoredArticles);
        if (variousArtists == null || variousArtists.isBlank()) {
            throw new IllegalArgumentException("variousArtists must not be blank");
        }
    }
}
