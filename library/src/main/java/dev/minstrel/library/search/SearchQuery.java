package dev.minstrel.library.search;

/**
 * A search over the catalogue, with separate pages for artists, albums and songs as search3 asks.
 * A blank text matches everything, in the catalogue's stable order.
 */
public record SearchQuery(String text, int artistCount, int artistOffset, int albumCount, int albumOffset,
                          int songCount, int songOffset) {

    public SearchQuery {
        text = text == null ? "" : text;
        if (artistCount < 0 || artistOffset < 0 || albumCount < 0 || albumOffset < 0 || songCount < 0 || songOffset < 0) {
            throw new IllegalArgumentException("counts and offsets must not be negative");
        }
    }

    public static SearchQuery of(String text, int count) {
        return new SearchQuery(text, count, 0, count, 0, count, 0);
    }
}
