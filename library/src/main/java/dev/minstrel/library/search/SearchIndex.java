package dev.minstrel.library.search;

import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.ArtistRef;
import dev.minstrel.library.catalogue.TextFold;
import dev.minstrel.library.catalogue.Track;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Word-prefix search over titles, artists and albums, case- and accent-insensitive: every word of
 * the query must begin a word of the item ("beat" finds "The Beatles"). Matches rank by how well
 * they match (whole words before prefixes, the item's own name before its artist or album), ties
 * keep the catalogue's order, so paging is stable.
 *
 * <p>Words are folded once, when the index is built; ranking is a counting sort over small
 * integer scores, linear in the number of items.
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

    private static String artistNames(List<ArtistRef> credits) {
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

    /**
     * One kind of item with an inverted index: the sorted vocabulary of every folded word, and for
     * each word the items that carry it in their own name or in their other fields. A query word
     * selects the vocabulary range it prefixes (binary search), so matching costs the postings it
     * touches, not the size of the library.
     */
    private static final class Section<T> {
        private final List<T> items;
        private final String[] ownText;
        private final String[] vocabulary;
        private final int[][] ownPostings;
        private final int[][] otherPostings;

        Section(List<T> items, Function<T, String> own, Function<T, String> other) {
            this.items = items;
            this.ownText = new String[items.size()];
            TreeMap<String, int[][]> postings = new TreeMap<>();
            for (int i = 0; i < items.size(); i++) {
                List<String> ownWords = TextFold.words(own.apply(items.get(i)));
                ownText[i] = String.join(" ", ownWords);
                for (String word : ownWords) {
                    add(postings, word, 0, i);
                }
                for (String word : TextFold.words(other.apply(items.get(i)))) {
                    add(postings, word, 1, i);
                }
            }
            this.vocabulary = postings.keySet().toArray(new String[0]);
            this.ownPostings = new int[vocabulary.length][];
            this.otherPostings = new int[vocabulary.length][];
            int w = 0;
            for (int[][] lists : postings.values()) {
                ownPostings[w] = trim(lists[0], lists[2][0]);
                otherPostings[w] = trim(lists[1], lists[2][1]);
                w++;
            }
        }

        /** lists[0] own postings, lists[1] other postings, lists[2] their lengths. */
        private static void add(TreeMap<String, int[][]> postings, String word, int kind, int item) {
            int[][] lists = postings.computeIfAbsent(word, k -> new int[][]{new int[2], new int[2], new int[2]});
            int length = lists[2][kind];
            if (length > 0 && lists[kind][length - 1] == item) {
                return;
            }
            if (length == lists[kind].length) {
                lists[kind] = Arrays.copyOf(lists[kind], length * 2);
            }
            lists[kind][length] = item;
            lists[2][kind] = length + 1;
        }

        private static int[] trim(int[] list, int length) {
            return length == list.length ? list : Arrays.copyOf(list, length);
        }

        List<T> page(List<String> words, int offset, int count) {
            if (count == 0) {
                return List.of();
            }
            if (words.isEmpty()) {
                return items.subList(Math.min(offset, items.size()), Math.min(items.size(), offset + count));
            }
            int size = items.size();
            int[] scores = null;
            for (String word : words) {
                int[] wordScores = wordScores(word, size);
                if (scores == null) {
                    scores = wordScores;
                } else {
                    for (int i = 0; i < size; i++) {
                        scores[i] = scores[i] == 0 || wordScores[i] == 0 ? 0 : scores[i] + wordScores[i];
                    }
                }
            }
            String exact = String.join(" ", words);
            int[] bucketSizes = new int[MAX_SCORE + 1];
            for (int i = 0; i < size; i++) {
                if (scores[i] > 0) {
                    if (ownText[i].equals(exact)) {
                        scores[i] += 8;
                    }
                    scores[i] = Math.min(scores[i], MAX_SCORE);
                    bucketSizes[scores[i]]++;
                }
            }
            int skip = offset;
            List<T> page = new ArrayList<>(Math.min(count, 64));
            for (int s = MAX_SCORE; s > 0 && page.size() < count; s--) {
                if (bucketSizes[s] <= skip) {
                    skip -= bucketSizes[s];
                    continue;
                }
                for (int i = 0; i < size && page.size() < count; i++) {
                    if (scores[i] == s) {
                        if (skip > 0) {
                            skip--;
                        } else {
                            page.add(items.get(i));
                        }
                    }
                }
            }
            return page;
        }

        /**
         * How well one query word matches each item: 4 a whole word of its own name, 3 a prefix of
         * one, 2 a whole word of its other fields, 1 a prefix there, 0 no match.
         */
        private int[] wordScores(String word, int size) {
            int[] scores = new int[size];
            int from = lowerBound(word);
            for (int w = from; w < vocabulary.length && vocabulary[w].startsWith(word); w++) {
                boolean whole = vocabulary[w].length() == word.length();
                for (int item : otherPostings[w]) {
                    scores[item] = Math.max(scores[item], whole ? 2 : 1);
                }
                for (int item : ownPostings[w]) {
                    scores[item] = Math.max(scores[item], whole ? 4 : 3);
                }
            }
            return scores;
        }

        private int lowerBound(String word) {
            int low = 0;
            int high = vocabulary.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (vocabulary[mid].compareTo(word) < 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }
}
