package dev.minstrel.library.search;

import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.TextFold;
import dev.minstrel.library.catalogue.Track;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Word-prefix search over titles, artists and albums, case- and accent-insensitive: every word of
 * the query must begin a word of the item ("beat" finds "The Beatles"). Matches rank by how well
 * they match (whole words before prefixes, the item's own name before its artist or album), ties
 * keep the catalogue's order, so paging is stable.
 *
 * <p>Each item keeps its words folded once, as " word word ", so matching a query word is one
 * {@code contains(" " + word)}; ranking is a bucket sort over small integer scores, linear in the
 * number of matches.
 */
public final class SearchIndex {

    private static final int MAX_SCORE = 64;

    private final Section<Artist> artists;
    private final Section<Album> albums;
    private final Section<Track> tracks;

    private SearchIndex(Section<Artist> artists, Section<Album> albums, Section<Track> tracks) {
        this.artists = artists;
        this.albums = albums;
        this.tracks = tracks;
    }

    public static SearchIndex build(List<Artist> artists, List<Album> albums, List<Track> tracks) {
        return new SearchIndex(
                new Section<>(artists, Artist::name, artist -> ""),
                new Section<>(albums, Album::name, album -> album.artist() + " " + artistNames(album.artists())),
                new Section<>(tracks, Track::title, track -> track.artist() + " " + track.album() + " "
                        + track.albumArtist() + " " + artistNames(track.artists())));
    }

    private static String artistNames(List<dev.minstrel.library.catalogue.ArtistRef> credits) {
        StringBuilder names = new StringBuilder();
        for (var credit : credits) {
            names.append(credit.name()).append(' ');
        }
        return names.toString();
    }

    public SearchResult search(SearchQuery query) {
        List<String> words = TextFold.words(query.text().replace("\"", ""));
        return new SearchResult(
                artists.page(words, query.artistOffset(), query.artistCount()),
                albums.page(words, query.albumOffset(), query.albumCount()),
                tracks.page(words, query.songOffset(), query.songCount()));
    }

    private static final class Section<T> {
        private final List<T> items;
        private final String[] ownWords;
        private final String[] otherWords;

        Section(List<T> items, Function<T, String> own, Function<T, String> other) {
            this.items = items;
            this.ownWords = new String[items.size()];
            this.otherWords = new String[items.size()];
            for (int i = 0; i < items.size(); i++) {
                ownWords[i] = spaced(own.apply(items.get(i)));
                otherWords[i] = spaced(other.apply(items.get(i)));
            }
        }

        private static String spaced(String text) {
            return " " + String.join(" ", TextFold.words(text)) + " ";
        }

        List<T> page(List<String> words, int offset, int count) {
            if (count == 0) {
                return List.of();
            }
            if (words.isEmpty()) {
                return items.subList(Math.min(offset, items.size()), Math.min(items.size(), offset + count));
            }
            String[] prefixes = new String[words.size()];
            String[] wholes = new String[words.size()];
            for (int w = 0; w < words.size(); w++) {
                prefixes[w] = " " + words.get(w);
                wholes[w] = prefixes[w] + " ";
            }
            List<List<Integer>> buckets = new ArrayList<>(MAX_SCORE + 1);
            for (int s = 0; s <= MAX_SCORE; s++) {
                buckets.add(null);
            }
            for (int i = 0; i < items.size(); i++) {
                int score = score(i, prefixes, wholes);
                if (score > 0) {
                    List<Integer> bucket = buckets.get(score);
                    if (bucket == null) {
                        bucket = new ArrayList<>();
                        buckets.set(score, bucket);
                    }
                    bucket.add(i);
                }
            }
            List<T> page = new ArrayList<>(Math.min(count, 64));
            int skipped = 0;
            for (int s = MAX_SCORE; s > 0 && page.size() < count; s--) {
                List<Integer> bucket = buckets.get(s);
                if (bucket == null) {
                    continue;
                }
                if (skipped + bucket.size() <= offset) {
                    skipped += bucket.size();
                    continue;
                }
                for (int j = Math.max(0, offset - skipped); j < bucket.size() && page.size() < count; j++) {
                    page.add(items.get(bucket.get(j)));
                }
                skipped += bucket.size();
            }
            return page;
        }

        /** 0 when some query word begins no word of the item; otherwise higher for better matches. */
        private int score(int i, String[] prefixes, String[] wholes) {
            String own = ownWords[i];
            String other = otherWords[i];
            int score = 1;
            for (int w = 0; w < prefixes.length; w++) {
                if (own.contains(wholes[w])) {
                    score += 4;
                } else if (own.contains(prefixes[w])) {
                    score += 3;
                } else if (other.contains(wholes[w])) {
                    score += 2;
                } else if (other.contains(prefixes[w])) {
                    score += 1;
                } else {
                    return 0;
                }
            }
            if (own.equals(String.join("", wholes).replace("  ", " "))) {
                score += 8;
            }
            return Math.min(score, MAX_SCORE);
        }
    }
}
