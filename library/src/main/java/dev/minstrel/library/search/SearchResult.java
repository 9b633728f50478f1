package dev.minstrel.library.search;

import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.Track;

import java.util.List;

/** One page of each kind of match, best first. */
public record SearchResult(List<Artist> artists, List<Album> albums, List<Track> tracks) {
}
