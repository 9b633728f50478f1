package dev.minstrel.ingest.landing;

import dev.minstrel.ingest.link.InvalidLinkException;
import dev.minstrel.ingest.link.Link;
import dev.minstrel.ingest.link.LinkParser;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.Track;

import java.util.Optional;

/**
 * Recognises a track already in the library: by the source recorded in its tags (the same Spotify
 * track or YouTube video), else by artist, title and a length within two seconds.
 */
public final class Duplicates {

    private static final double LENGTH_TOLERANCE = 2.0;

    private final LinkParser links = new LinkParser();

    public Optional<Track> bySource(Catalogue catalogue, Link link) {
        if (link.kind() != Link.Kind.TRACK) {
            return Optional.empty();
        }
        return catalogue.tracks().stream().filter(t -> sameSource(t.sourceUrl(), link)).findFirst();
    }

    public Optional<Track> find(Catalogue catalogue, CompletedTags tags) {
        Optional<Link> source = parse(tags.sourceUrl());
        if (source.isPresent()) {
            Optional<Track> same = bySource(catalogue, source.get());
            if (same.isPresent()) {
                return same;
            }
        }
        String artist = Ids.key(tags.artist());
        String title = Ids.key(tags.title());
        return catalogue.tracks().stream()
                .filter(t -> Ids.key(t.title()).equals(title))
                .filter(t -> Ids.key(t.artist()).equals(artist) || Ids.key(t.artist().split("/")[0]).equals(artist))
                .filter(t -> Math.abs(t.durationSeconds() - tags.durationSeconds()) <= LENGTH_TOLERANCE)
                .findFirst();
    }

    private boolean sameSource(String sourceUrl, Link link) {
        return parse(sourceUrl).map(l -> l.identity().equals(link.identity())).orElse(false);
    }

    private Optional<Link> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(links.parse(url));
        } catch (InvalidLinkException e) {
            return Optional.empty();
        }
    }
}
