package dev.minstrel.subsonic.lists;

import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Lookups;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.protocol.SubsonicException;
import dev.minstrel.subsonic.view.ItemViews;
import dev.minstrel.subsonic.view.ViewSource;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collections;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/** getAlbumList(2), getRandomSongs, getSongsByGenre and getStarred(2), from memory. */
public final class ListEndpoints {

    /** Clients page until a page comes back short, so a larger size is capped, never refused. */
    static final int MAX_SIZE = 500;

    private final ViewSource views;
    private final RandomOrder randomOrder;

    public ListEndpoints(ViewSource views, Clock clock) {
        this.views = views;
        this.randomOrder = new RandomOrder(clock);
    }

    public Mono<Reply> getAlbumList(Call call) {
        return views.views(call).flatMap(v -> albumList(call, v).map(albums -> Reply.of(
                "albumList", new Payloads.AlbumList(albums.stream().map(v::albumDirectory).toList()))));
    }

    public Mono<Reply> getAlbumList2(Call call) {
        return views.views(call).flatMap(v -> albumList(call, v).map(albums -> Reply.of(
                "albumList2", new Payloads.AlbumList2(albums.stream().map(v::album).toList()))));
    }

    public Mono<Reply> getRandomSongs(Call call) {
        return views.views(call).map(v -> Reply.of("randomSongs", randomSongs(call, v)));
    }

    public Mono<Reply> getSongsByGenre(Call call) {
        return views.views(call).map(v -> Reply.of("songsByGenre", songsByGenre(call, v)));
    }

    public Mono<Reply> getStarred(Call call) {
        return views.views(call).map(v -> {
            Starred s = starred(call, v);
            return Reply.of("starred", new Payloads.Matches(s.artists().stream().map(a -> v.artistEntry(a)).toList(),
                    s.albums().stream().map(v::albumDirectory).toList(), v.songs(s.tracks())));
        });
    }

    public Mono<Reply> getStarred2(Call call) {
        return views.views(call).map(v -> {
            Starred s = starred(call, v);
            return Reply.of("starred2", new Payloads.MatchesID3(s.artists().stream().map(v::artist).toList(),
                    s.albums().stream().map(v::album).toList(), v.songs(s.tracks())));
        });
    }

    /**
     * Every type from memory: frequent and recent from the caller's play counts, which the
     * annotation snapshot keeps up to date as listens are counted.
     */
    private Mono<List<Album>> albumList(Call call, ItemViews v) {
        Lookups.checkMusicFolder(call);
        String type = call.params().required("type");
        int size = call.params().count("size", 10, MAX_SIZE);
        int offset = call.params().count("offset", 0, Integer.MAX_VALUE);
        Catalogue catalogue = v.catalogue();
        List<Album> albums = catalogue.albums();
        List<Album> ordered = switch (type) {
            case "random" -> randomOrder.shuffled(albums, call.user().id(), call.client());
            case "newest" -> catalogue.albumsNewestFirst();
            case "frequent" -> sorted(filter(albums, a -> v.notes().of(a.id()).playCount() > 0),
                    Comparator.comparingLong((Album a) -> v.notes().of(a.id()).playCount())
                            .thenComparingLong(a -> lastPlayed(v, a)).reversed()
                            .thenComparing(Album::id));
            case "recent" -> sorted(filter(albums, a -> v.notes().of(a.id()).lastPlayed() != null),
                    Comparator.comparingLong((Album a) -> lastPlayed(v, a)).reversed()
                            .thenComparing(Album::id));
            case "highest" -> sorted(filter(albums, a -> v.notes().of(a.id()).rating() > 0),
                    Comparator.comparingInt((Album a) -> v.notes().of(a.id()).rating()).reversed());
            case "alphabeticalByName" -> catalogue.albumsByName();
            case "alphabeticalByArtist" -> albums;
            case "starred" -> v.notes().starredIds().stream().flatMap(id -> catalogue.album(id).stream()).toList();
            case "byYear" -> byYear(call, albums);
            case "byGenre" -> {
                String genre = call.params().required("genre");
                yield filter(albums, a -> a.genres().stream().anyMatch(g -> g.equalsIgnoreCase(genre)));
            }
            default -> throw SubsonicException.invalid("type", type, "one of random, newest, highest, frequent, recent, "
                    + "alphabeticalByName, alphabeticalByArtist, starred, byYear, byGenre");
        };
        return Mono.just(page(ordered, offset, size));
    }

    /** fromYear greater than toYear lists the years in descending order (DSub asks for decades so). */
    private static List<Album> byYear(Call call, List<Album> albums) {
        int from = call.params().integer("fromYear").orElseThrow(() -> SubsonicException.missing("fromYear"));
        int to = call.params().integer("toYear").orElseThrow(() -> SubsonicException.missing("toYear"));
        int low = Math.min(from, to);
        int high = Math.max(from, to);
        Comparator<Album> byYear = Comparator.comparingInt(Album::year);
        return sorted(filter(albums, a -> a.year() != null && a.year() >= low && a.year() <= high),
                from > to ? byYear.reversed() : byYear);
    }

    private static Payloads.Songs randomSongs(Call call, ItemViews v) {
        Lookups.checkMusicFolder(call);
        int size = call.params().count("size", 10, MAX_SIZE);
        String genre = call.params().string("genre").filter(g -> !g.isBlank()).orElse(null);
        Integer from = call.params().integer("fromYear").orElse(null);
        Integer to = call.params().integer("toYear").orElse(null);
        List<Track> matching = filter(v.catalogue().tracks(), t -> (genre == null || hasGenre(t, genre))
                && (from == null || (t.year() != null && t.year() >= from))
                && (to == null || (t.year() != null && t.year() <= to)));
        List<Track> shuffled = new ArrayList<>(matching);
        Collections.shuffle(shuffled, ThreadLocalRandom.current());
        return new Payloads.Songs(v.songs(shuffled.subList(0, Math.min(size, shuffled.size()))));
    }

    private static Payloads.Songs songsByGenre(Call call, ItemViews v) {
        Lookups.checkMusicFolder(call);
        String genre = call.params().required("genre");
        int count = call.params().count("count", 10, MAX_SIZE);
        int offset = call.params().count("offset", 0, Integer.MAX_VALUE);
        return new Payloads.Songs(v.songs(page(filter(v.catalogue().tracks(), t -> hasGenre(t, genre)), offset, count)));
    }

    private static boolean hasGenre(Track track, String genre) {
        String wanted = genre.toLowerCase(Locale.ROOT);
        return track.genres().stream().anyMatch(g -> g.toLowerCase(Locale.ROOT).equals(wanted));
    }

    private record Starred(List<Artist> artists, List<Album> albums, List<Track> tracks) {
    }

    private static Starred starred(Call call, ItemViews v) {
        Lookups.checkMusicFolder(call);
        Catalogue catalogue = v.catalogue();
        List<String> ids = v.notes().starredIds();
        return new Starred(ids.stream().flatMap(id -> catalogue.artist(id).stream()).toList(),
                ids.stream().flatMap(id -> catalogue.album(id).stream()).toList(),
                ids.stream().flatMap(id -> catalogue.track(id).stream()).toList());
    }

    private static long lastPlayed(ItemViews v, Album album) {
        Long at = v.notes().of(album.id()).lastPlayed();
        return at == null ? 0 : at;
    }

    private static <T> List<T> filter(List<T> items, Predicate<T> keep) {
        return items.stream().filter(keep).toList();
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items.stream().sorted(order).toList();
    }

    private static <T> List<T> page(List<T> items, int offset, int size) {
        int from = Math.min(offset, items.size());
        return items.subList(from, Math.min(items.size(), from + size));
    }
}
