package dev.minstrel.subsonic.browse;

import dev.minstrel.analytics.history.PlayHistory;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Folder;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.IndexKeys;
import dev.minstrel.library.catalogue.TextFold;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.subsonic.cover.CoverArtUrls;
import dev.minstrel.subsonic.model.ArtistView;
import dev.minstrel.subsonic.model.Child;
import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.model.PayloadsIndexesBuilder;
import dev.minstrel.subsonic.model.PayloadsDirectoryBuilder;
import dev.minstrel.subsonic.model.PayloadsArtistInfoBuilder;
import dev.minstrel.subsonic.model.PayloadsAlbumInfoBuilder;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Dates;
import dev.minstrel.subsonic.protocol.Lookups;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.protocol.SubsonicException;
import dev.minstrel.subsonic.protocol.SubsonicSettings;
import dev.minstrel.subsonic.view.ItemViews;
import dev.minstrel.subsonic.view.ViewSource;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Folder browsing (getIndexes, getMusicDirectory), tag browsing (getArtists, getArtist, getAlbum,
 * getSong, getGenres) and the "info" calls, which use local data only: there is no Last.fm here.
 */
public final class BrowseEndpoints {

    private final MusicLibrary library;
    private final ViewSource views;
    private final SubsonicSettings settings;
    private final PlayHistory history;
    private final CoverArtUrls coverArtUrls;

    public BrowseEndpoints(MusicLibrary library, ViewSource views, SubsonicSettings settings, PlayHistory history,
                           CoverArtUrls coverArtUrls) {
        this.library = library;
        this.views = views;
        this.settings = settings;
        this.history = history;
        this.coverArtUrls = coverArtUrls;
    }

    public Mono<Reply> getMusicFolders(Call call) {
        return Mono.just(Reply.of("musicFolders", new Payloads.MusicFolders(
                List.of(new Payloads.MusicFolder(Lookups.MUSIC_FOLDER_ID, settings.musicFolderName())))));
    }

    public Mono<Reply> getIndexes(Call call) {
        return views.views(call).map(v -> indexes(call, v));
    }

    public Mono<Reply> getMusicDirectory(Call call) {
        return views.views(call).map(v -> directory(call, v));
    }

    public Mono<Reply> getGenres(Call call) {
        return Mono.fromSupplier(() -> Reply.of("genres", new Payloads.Genres(library.catalogue().genres().stream()
                .map(g -> new Payloads.Genre(g.songCount(), g.albumCount(), g.name())).toList())));
    }

    public Mono<Reply> getArtists(Call call) {
        return views.views(call).map(v -> {
            Lookups.checkMusicFolder(call);
            return Reply.of("artists", new Payloads.Artists(settings.ignoredArticlesText(),
                    v.catalogue().artistIndex().stream().map(entry -> new Payloads.IndexID3(entry.key(),
                            entry.ids().stream().map(id -> v.artist(v.catalogue().artist(id).orElseThrow())).toList()))
                            .toList()));
        });
    }

    public Mono<Reply> getArtist(Call call) {
        return views.views(call).map(v -> {
            Artist artist = Lookups.artist(v.catalogue(), call.params().required("id"));
            return Reply.of("artist", v.artist(artist).withAlbums(
                    v.catalogue().albumsOf(artist).stream().map(v::album).toList()));
        });
    }

    public Mono<Reply> getAlbum(Call call) {
        return views.views(call).map(v -> {
            Album album = Lookups.album(v.catalogue(), call.params().required("id"));
            return Reply.of("album", v.album(album).withSongs(v.songs(v.catalogue().tracksOf(album))));
        });
    }

    public Mono<Reply> getSong(Call call) {
        return views.views(call).map(v -> Reply.of("song", v.song(Lookups.track(v.catalogue(), call.params().required("id")))));
    }

    public Mono<Reply> getArtistInfo(Call call) {
        return views.views(call).map(v -> artistInfo(call, v, false));
    }

    public Mono<Reply> getArtistInfo2(Call call) {
        return views.views(call).map(v -> artistInfo(call, v, true));
    }

    public Mono<Reply> getAlbumInfo(Call call) {
        return views.views(call).map(v -> albumInfo(call, v));
    }

    public Mono<Reply> getAlbumInfo2(Call call) {
        return views.views(call).map(v -> albumInfo(call, v));
    }

    public Mono<Reply> getSimilarSongs(Call call) {
        return views.views(call).map(v -> Reply.of("similarSongs", similarSongs(call, v)));
    }

    public Mono<Reply> getSimilarSongs2(Call call) {
        return views.views(call).map(v -> Reply.of("similarSongs2", similarSongs(call, v)));
    }

    public Mono<Reply> getTopSongs(Call call) {
        return views.views(call).flatMap(v -> topSongs(call, v).map(songs -> Reply.of("topSongs", songs)));
    }

    private Reply indexes(Call call, ItemViews v) {
        Lookups.checkMusicFolder(call);
        Catalogue catalogue = v.catalogue();
        long lastModified = catalogue.lastModified().toEpochMilli();
        // clients send -1 or 0 for "no date": anything before 1970-01-02 counts as absent
        long since = call.params().longValue("ifModifiedSince").orElse(0L);
        if (since > 86_400_000L && lastModified <= since) {
            return Reply.of("indexes", PayloadsIndexesBuilder.builder().lastModified(lastModified)
                    .ignoredArticles(settings.ignoredArticlesText()).build());
        }
        Folder root = catalogue.rootFolder();
        Map<String, List<ArtistView>> byKey = new TreeMap<>(IndexKeys.ORDER);
        List<Folder> children = root == null ? List.of()
                : root.childFolderIds().stream().map(id -> catalogue.folder(id).orElseThrow()).toList();
        for (Folder folder : children.stream().sorted(Comparator.comparing(f -> TextFold.fold(sortName(f.name())))).toList()) {
            byKey.computeIfAbsent(IndexKeys.of(sortName(folder.name())), k -> new ArrayList<>()).add(v.folderEntry(folder));
        }
        List<Payloads.Index> index = byKey.entrySet().stream().map(e -> new Payloads.Index(e.getKey(), e.getValue())).toList();
        List<Child> songs = root == null ? List.of()
                : v.songs(root.trackIds().stream().map(id -> catalogue.track(id).orElseThrow()).toList());
        return Reply.of("indexes", PayloadsIndexesBuilder.builder().lastModified(lastModified)
                .ignoredArticles(settings.ignoredArticlesText()).index(index).child(songs).build());
    }

    private String sortName(String name) {
        return TextFold.withoutArticle(name, settings.ignoredArticles());
    }

    /** A folder (fo-), an artist (ar-: its albums) or an album (al-: its songs) as a directory. */
    private Reply directory(Call call, ItemViews v) {
        String id = call.params().required("id");
        Catalogue catalogue = v.catalogue();
        if (id.startsWith(Ids.FOLDER)) {
            Folder folder = catalogue.folder(id).orElseThrow(() -> SubsonicException.notFound("Directory"));
            List<Child> children = new ArrayList<>();
            folder.childFolderIds().forEach(childId -> catalogue.folder(childId).map(v::folderDirectory).ifPresent(children::add));
            folder.trackIds().forEach(trackId -> catalogue.track(trackId).map(v::song).ifPresent(children::add));
            var note = v.notes().of(id);
            return Reply.of("directory", PayloadsDirectoryBuilder.builder().id(id).parent(folder.parentId())
                    .name(folder.isRoot() ? settings.musicFolderName() : folder.name())
                    .starred(Dates.iso(note.starredAt())).userRating(note.rating() == 0 ? null : note.rating())
                    .child(children).build());
        }
        if (id.startsWith(Ids.ARTIST)) {
            Artist artist = catalogue.artist(id).orElseThrow(() -> SubsonicException.notFound("Directory"));
            var entry = v.artistEntry(artist);
            return Reply.of("directory", PayloadsDirectoryBuilder.builder().id(id).name(artist.name())
                    .starred(entry.starred()).userRating(entry.userRating())
                    .child(catalogue.albumsOf(artist).stream().map(v::albumDirectory).toList()).build());
        }
        if (id.startsWith(Ids.ALBUM)) {
            Album album = catalogue.album(id).orElseThrow(() -> SubsonicException.notFound("Directory"));
            Child entry = v.albumDirectory(album);
            return Reply.of("directory", PayloadsDirectoryBuilder.builder().id(id).parent(album.artistId())
                    .name(album.name()).starred(entry.starred()).userRating(entry.userRating())
                    .playCount(entry.playCount()).child(v.songs(catalogue.tracksOf(album))).build());
        }
        throw SubsonicException.notFound("Directory");
    }

    private Reply artistInfo(Call call, ItemViews v, boolean id3) {
        String id = call.params().required("id");
        Catalogue catalogue = v.catalogue();
        Artist artist = Lookups.artist(catalogue, id);
        int count = call.params().count("count", 20, 100);
        List<Artist> similar = similarArtists(catalogue, artist, count);
        String cover = artist.coverArtId();
        List<Object> similarViews = id3 ? similar.stream().<Object>map(v::artist).toList()
                : similar.stream().<Object>map(v::artistEntry).toList();
        var info = PayloadsArtistInfoBuilder.builder().biography("").musicBrainzId(artist.musicBrainzId())
                .smallImageUrl(imageUrl(call, cover, 300)).mediumImageUrl(imageUrl(call, cover, 600))
                .largeImageUrl(imageUrl(call, cover, 1200)).similarArtist(similarViews).build();
        return Reply.of(id3 ? "artistInfo2" : "artistInfo", info);
    }

    private Reply albumInfo(Call call, ItemViews v) {
        Album album = Lookups.album(v.catalogue(), call.params().required("id"));
        String cover = album.coverArtId();
        return Reply.of("albumInfo", PayloadsAlbumInfoBuilder.builder().notes("").musicBrainzId(album.musicBrainzId())
                .smallImageUrl(imageUrl(call, cover, 300)).mediumImageUrl(imageUrl(call, cover, 600))
                .largeImageUrl(imageUrl(call, cover, 1200)).build());
    }

    /** Artists sharing the most genres with this one. */
    private static List<Artist> similarArtists(Catalogue catalogue, Artist artist, int count) {
        Set<String> genres = genresOf(catalogue, artist);
        if (genres.isEmpty() || count == 0) {
            return List.of();
        }
        Map<Artist, Integer> shared = new LinkedHashMap<>();
        for (Artist other : catalogue.artists()) {
            if (!other.id().equals(artist.id())) {
                Set<String> common = genresOf(catalogue, other);
                common.retainAll(genres);
                if (!common.isEmpty()) {
                    shared.put(other, common.size());
                }
            }
        }
        return shared.entrySet().stream().sorted(Map.Entry.<Artist, Integer>comparingByValue().reversed())
                .limit(count).map(Map.Entry::getKey).toList();
    }

    private static Set<String> genresOf(Catalogue catalogue, Artist artist) {
        Set<String> genres = new HashSet<>();
        catalogue.albumsOf(artist).forEach(album -> album.genres().forEach(g -> genres.add(g.toLowerCase(Locale.ROOT))));
        return genres;
    }

    /**
     * Songs like the given song, album or artist: same artist or genre, the caller's most played
     * first, the rest shuffled. Empty when nothing shares either.
     */
    private static Payloads.Songs similarSongs(Call call, ItemViews v) {
        String id = call.params().required("id");
        int count = call.params().count("count", 50, 500);
        Catalogue catalogue = v.catalogue();
        List<Track> seeds = catalogue.track(id).map(List::of)
                .or(() -> catalogue.album(id).map(catalogue::tracksOf))
                .or(() -> catalogue.artist(id).map(a -> a.trackIds().stream().map(t -> catalogue.track(t).orElseThrow()).toList()))
                .orElseThrow(() -> SubsonicException.notFound("Song, album or artist"));
        Set<String> seedIds = new HashSet<>();
        Set<String> artists = new HashSet<>();
        Set<String> genres = new HashSet<>();
        for (Track seed : seeds) {
            seedIds.add(seed.id());
            artists.add(seed.artistId());
            seed.genres().forEach(g -> genres.add(g.toLowerCase(Locale.ROOT)));
        }
        List<Track> candidates = new ArrayList<>();
        for (Track track : catalogue.tracks()) {
            if (!seedIds.contains(track.id()) && (artists.contains(track.artistId())
                    || track.genres().stream().anyMatch(g -> genres.contains(g.toLowerCase(Locale.ROOT))))) {
                candidates.add(track);
            }
        }
        Collections.shuffle(candidates, ThreadLocalRandom.current());
        candidates.sort(Comparator.comparingLong((Track t) -> v.notes().of(t.id()).playCount()).reversed());
        return new Payloads.Songs(v.songs(candidates.subList(0, Math.min(count, candidates.size()))));
    }

    /** An artist's songs (by name, or OpenSubsonic {@code id}) most listened to by everyone, most first; unplayed ones are left out. */
    private Mono<Payloads.Songs> topSongs(Call call, ItemViews v) {
        Catalogue catalogue = v.catalogue();
        int count = call.params().count("count", 50, 500);
        Artist artist = call.params().string("id").flatMap(catalogue::artist).orElseGet(() -> {
            String name = TextFold.fold(call.params().required("artist"));
            return catalogue.artists().stream().filter(a -> TextFold.fold(a.name()).equals(name)).findFirst()
                    .or(() -> catalogue.artist(Ids.artistId(call.params().required("artist")))).orElse(null);
        });
        if (artist == null) {
            return Mono.just(new Payloads.Songs(List.of()));
        }
        return history.topSongs(artist.id(), count).map(ids -> new Payloads.Songs(
                v.songs(ids.stream().flatMap(id -> catalogue.track(id).stream()).toList())));
    }

    /**
     * A signed getCoverArt URL, for clients that load artist and album images by URL: it carries no
     * credentials (see {@link CoverArtUrls}), so it is the same for every caller and may be logged
     * or shared without giving anything away but the image.
     */
    private String imageUrl(Call call, String coverArtId, int size) {
        return coverArtId == null ? null : coverArtUrls.url(call.request().uri(), coverArtId, size);
    }
}
