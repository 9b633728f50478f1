package dev.minstrel.ingest.landing;

import dev.minstrel.ingest.link.Link;
import dev.minstrel.ingest.link.LinkParser;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.Track;

import java.util.Optional;

/**
 * Recognises a song the library has already: by the source recorded in its tags (the same Spotify
 * track or YouTube video), by its ISRC (the same recording from another link or release), else by
 * artist, title and a length within two seconds. Thread-safe; the index of the current catalogue
 * is built once and kept until the library swaps its catalogue.
 */
public final class Duplicates {

    private static final double LENGTH_TOLERANCE = 2.0;

    private final LinkParser links = new LinkParser();
    private volatile KnownSongs known;

    /** The index of this catalogue snapshot. */
    public KnownSongs in(Catalogue catalogue) {
        KnownSongs current = known;
        if (current == null || current.catalogue() != catalogue) {
            current = KnownSongs.of(catalogue, links);
            known = current; // a race builds it twice, harmlessly
        }
        return current;
    }

    public Optional<Track> bySource(Catalogue catalogue, Link link) {
        return in(catalogue).bySource(link);
    }

    public Optional<Track> find(Catalogue catalogue, CompletedTags tags) {
        KnownSongs songs = in(catalogue);
        Optional<Track> same = KnownSongs.parse(links, tags.sourceUrl()).flatMap(songs::bySource)
                .or(() -> songs.byIsrc(tags.isrc()));
        if (same.isPresent()) {
            return same;
        }
        String artist = Ids.key(tags.artist());
        String title = Ids.key(tags.title());
        return catalogue.tracks().stream()
                .filter(t -> Ids.key(t.title()).equals(title))
                .filter(t -> Ids.key(t.artist()).equals(artist) || Ids.key(t.artist().split("/")[0]).equals(artist))
                .filter(t -> Math.abs(t.durationSeconds() - tags.durationSeconds()) <= LENGTH_TOLERANCE)
                .findFirst();
    }
}
