package dev.minstrel.library.catalogue;

import dev.minstrel.library.search.SearchIndex;
import dev.minstrel.library.search.SearchQuery;
import dev.minstrel.library.search.SearchResult;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the whole library: tracks, albums, artists, folders, genres, the
 * alphabetical indexes and the search index. A scan builds a new snapshot and swaps it in at
 * once, so readers never see a half-written catalogue.
 */
public final class Catalogue {

    private final Map<String, Track> tracks;
    private final Map<String, Album> albums;
    private final Map<String, Artist> artists;
    private final Map<String, Folder> folders;
    private final List<Track> trackList;
    private final List<Album> albumList;
    private final List<Album> albumsByName;
    private final List<Album> albumsNewestFirst;
    private final List<Artist> artistList;
    private final List<IndexEntry> artistIndex;
    private final List<Genre> genres;
    private final Folder root;
    private final SearchIndex searchIndex;
    private final Instant lastModified;

    Catalogue(Map<String, Track> tracks, Map<String, Album> albums, Map<String, Artist> artists,
              Map<String, Folder> folders, List<Artist> indexedArtists, List<IndexEntry> artistIndex,
              List<Genre> genres, Folder root, Instant lastModified) {
        this.tracks = tracks;
        this.albums = albums;
        this.artists = artists;
        this.folders = folders;
        this.trackList = List.copyOf(tracks.values());
        this.albumList = List.copyOf(albums.values());
        this.albumsByName = sortedByName(albumList);
        this.albumsNewestFirst = albumList.stream()
                .sorted(Comparator.comparing(Album::created).reversed().thenComparing(Album::id)).toList();
        this.artistList = List.copyOf(indexedArtists);
        this.artistIndex = artistIndex;
        this.genres = genres;
        this.root = root;
        this.lastModified = lastModified;
        this.searchIndex = SearchIndex.build(artistList, albumList, trackList);
    }

    public static Catalogue empty() {
        return build(List.of(), Map.of(), CatalogueSettings.DEFAULTS, Instant.EPOCH);
    }

    /**
     * Builds a catalogue from scanned tracks.
     *
     * <p>Cover art ids are versioned here ({@link Ids#coverArtId}) with the time of the art they
     * show, taken from what the scan recorded (the track file's time for embedded art, the folder
     * image's for a folder image), so list responses cost no file access. An album's art is the
     * image of the first of its tracks' folders that has one, else the embedded art of its first
     * track that has some: the choice the cover art service makes when serving it.
     *
     * @param scanned      tracks whose {@code coverArtId} names whose art they show (their own, their
     *                     album's, or null), with or without a version
     * @param folderImages cover image of a folder, keyed by the folder's relative path
     * @param lastModified when the library last changed, for clients' {@code ifModifiedSince}
     */
    public static Catalogue build(Collection<Track> scanned, Map<String, FolderImage> folderImages,
                                  CatalogueSettings settings, Instant lastModified) {
        return CatalogueBuilder.build(scanned, folderImages, settings, lastModified);
    }

    public Optional<Track> track(String id) {
        return Optional.ofNullable(id == null ? null : tracks.get(id));
    }

    public Optional<Album> album(String id) {
        return Optional.ofNullable(id == null ? null : albums.get(id));
    }

    public Optional<Artist> artist(String id) {
        return Optional.ofNullable(id == null ? null : artists.get(id));
    }

    public Optional<Folder> folder(String id) {
        return Optional.ofNullable(id == null ? null : folders.get(id));
    }

    /** All tracks, by album artist, album, disc and track: a stable order to page through. */
    public List<Track> tracks() {
        return trackList;
    }

    /** All albums, by album artist and name. */
    public List<Album> albums() {
        return albumList;
    }

    /** All albums by (sort) name, whoever their artist: getAlbumList's alphabeticalByName. */
    public List<Album> albumsByName() {
        return albumsByName;
    }

    /** All albums, the most recently added first: getAlbumList's newest. */
    public List<Album> albumsNewestFirst() {
        return albumsNewestFirst;
    }

    private static List<Album> sortedByName(List<Album> albums) {
        record Keyed(String sortKey, String nameKey, Album album) {
        }
        return albums.stream()
                .map(a -> new Keyed(TextFold.fold(a.sortName()), TextFold.fold(a.name()), a))
                .sorted(Comparator.comparing(Keyed::sortKey).thenComparing(Keyed::nameKey)
                        .thenComparing(k -> k.album().id()))
                .map(Keyed::album).toList();
    }

    /** Artists with at least one album, by sort name: those that getArtists and search list. */
    public List<Artist> artists() {
        return artistList;
    }

    public List<IndexEntry> artistIndex() {
        return artistIndex;
    }

    public Folder rootFolder() {
        return root;
    }

    public List<Genre> genres() {
        return genres;
    }

    public List<Track> tracksOf(Album album) {
        return album.trackIds().stream().map(tracks::get).toList();
    }

    public List<Album> albumsOf(Artist artist) {
        return artist.albumIds().stream().map(albums::get).toList();
    }

    public SearchResult search(SearchQuery query) {
        return searchIndex.search(query);
    }

    public Instant lastModified() {
        return lastModified;
    }

    public int folderCount() {
        return folders.size();
    }

    public int trackCount() {
        return tracks.size();
    }
}
