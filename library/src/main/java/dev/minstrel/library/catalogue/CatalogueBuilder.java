package dev.minstrel.library.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** Builds a {@link Catalogue} from scanned tracks: albums, artists, folders, genres and indexes. */
final class CatalogueBuilder {

    private static final Comparator<Track> ALBUM_ORDER = Comparator
            .comparing((Track t) -> t.discNumber() == null ? 0 : t.discNumber())
            .thenComparing(t -> t.trackNumber() == null ? Integer.MAX_VALUE : t.trackNumber())
            .thenComparing(t -> TextFold.fold(t.title()))
            .thenComparing(Track::id);

    private CatalogueBuilder() {
    }

    static Catalogue build(Collection<Track> scanned, Map<String, FolderImage> folderImages, CatalogueSettings settings,
                           Instant lastModified) {
        List<Track> sorted = new ArrayList<>(scanned);
        sorted.sort(Comparator.comparing((Track t) -> TextFold.fold(sortKey(t.sortAlbumArtist(), t.albumArtist(), settings)))
                .thenComparing(t -> TextFold.fold(t.album()))
                .thenComparing(Track::albumId)
                .thenComparing(ALBUM_ORDER));
        Map<String, String> albumCovers = albumCoverArtIds(sorted, folderImages);
        sorted.replaceAll(track -> withVersionedCoverArt(track, albumCovers));
        Map<String, Track> tracks = new LinkedHashMap<>();
        for (Track track : sorted) {
            tracks.put(track.id(), track);
        }
        Map<String, Album> albums = buildAlbums(sorted, albumCovers, settings);
        Map<String, Artist> artists = buildArtists(sorted, albums, settings);
        List<Artist> indexed = artists.values().stream().filter(a -> a.albumCount() > 0).toList();
        Map<String, Folder> folders = buildFolders(sorted, folderImages);
        return new Catalogue(tracks, albums, artists, folders, indexed, index(indexed, Artist::indexKey, Artist::id),
                buildGenres(sorted), folders.get(Ids.folderId("")), lastModified);
    }

    /** The tracks of each album, in the order given, in lists of their own. */
    private static Map<String, List<Track>> byAlbum(List<Track> sorted) {
        Map<String, List<Track>> byAlbum = new LinkedHashMap<>();
        for (Track track : sorted) {
            byAlbum.computeIfAbsent(track.albumId(), id -> new ArrayList<>()).add(track);
        }
        return byAlbum;
    }

    /** The versioned cover art id of every album with art (a track of it has a cover art id). */
    private static Map<String, String> albumCoverArtIds(List<Track> sorted, Map<String, FolderImage> folderImages) {
        Map<String, List<Track>> byAlbum = byAlbum(sorted);
        Map<String, String> covers = new HashMap<>();
        for (var entry : byAlbum.entrySet()) {
            List<Track> albumTracks = entry.getValue();
            if (albumTracks.stream().noneMatch(t -> t.coverArtId() != null)) {
                continue;
            }
            albumTracks.sort(ALBUM_ORDER);
            long modified = albumTracks.stream().map(t -> folderImages.get(parent(t.path()))).filter(i -> i != null)
                    .mapToLong(FolderImage::modifiedMillis).findFirst()
                    .orElseGet(() -> albumTracks.stream().filter(Track::hasEmbeddedCover)
                            .mapToLong(Track::modifiedMillis).findFirst().orElse(0L));
            covers.put(entry.getKey(), Ids.coverArtId(entry.getKey(), modified));
        }
        return covers;
    }

    /** The track with its cover art id versioned: its own art's time, or its album's cover art id. */
    private static Track withVersionedCoverArt(Track track, Map<String, String> albumCovers) {
        String base = Ids.withoutVersion(track.coverArtId());
        String versioned = base == null ? null
                : base.equals(track.id()) ? Ids.coverArtId(track.id(), track.modifiedMillis())
                : base.equals(track.albumId()) ? albumCovers.getOrDefault(base, base)
                : track.coverArtId();
        return Objects.equals(versioned, track.coverArtId()) ? track : track.withCoverArtId(versioned);
    }

    private static String sortKey(String sortName, String name, CatalogueSettings settings) {
        if (sortName != null && !sortName.isBlank()) {
            return sortName;
        }
        return TextFold.withoutArticle(name, settings.ignoredArticles());
    }

    private static Map<String, Album> buildAlbums(List<Track> sorted, Map<String, String> albumCovers,
                                                  CatalogueSettings settings) {
        Map<String, List<Track>> byAlbum = byAlbum(sorted);
        Map<String, Album> albums = new LinkedHashMap<>();
        for (var entry : byAlbum.entrySet()) {
            List<Track> albumTracks = entry.getValue();
            albumTracks.sort(ALBUM_ORDER);
            Track first = albumTracks.get(0);
            Set<ArtistRef> credits = new LinkedHashSet<>();
            Integer year = null;
            int duration = 0;
            long size = 0;
            Instant created = first.created();
            boolean hasCover = false;
            boolean compilation = false;
            String musicBrainzId = null;
            String sortName = null;
            List<String> trackIds = new ArrayList<>(albumTracks.size());
            for (Track track : albumTracks) {
                credits.addAll(track.albumArtists());
                if (track.year() != null && (year == null || track.year() < year)) {
                    year = track.year();
                }
                duration += track.durationSeconds();
                size += track.size();
                if (track.created().isBefore(created)) {
                    created = track.created();
                }
                hasCover |= track.coverArtId() != null;
                compilation |= track.compilation();
                musicBrainzId = musicBrainzId != null ? musicBrainzId : track.musicBrainzAlbumId();
                sortName = sortName != null ? sortName : track.sortAlbum();
                trackIds.add(track.id());
            }
            albums.put(entry.getKey(), new Album(entry.getKey(), first.album(), first.albumArtist(),
                    Ids.artistId(first.albumArtist()), List.copyOf(credits), year, mostCommon(albumTracks),
                    albumTracks.size(), duration, size, hasCover ? albumCovers.get(entry.getKey()) : null, created, compilation,
                    sortName != null ? sortName : TextFold.withoutArticle(first.album(), settings.ignoredArticles()),
                    musicBrainzId, List.copyOf(trackIds)));
        }
        return albums;
    }

    private static List<String> mostCommon(List<Track> tracks) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Track track : tracks) {
            for (String genre : track.genres()) {
                counts.merge(genre, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
    }

    private static Map<String, Artist> buildArtists(List<Track> sorted, Map<String, Album> albums,
                                                    CatalogueSettings settings) {
        record Draft(ArtistRef ref, List<String> albumIds, List<String> trackIds, String[] sortName,
                     String[] musicBrainzId, String[] coverArtId) {
        }
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (Album album : albums.values()) {
            List<ArtistRef> credits = album.artists().isEmpty()
                    ? List.of(new ArtistRef(album.artistId(), album.artist())) : album.artists();
            for (ArtistRef credit : credits) {
                Draft draft = drafts.computeIfAbsent(credit.id(), id -> new Draft(credit, new ArrayList<>(),
                        new ArrayList<>(), new String[1], new String[1], new String[1]));
                draft.albumIds().add(album.id());
                if (draft.coverArtId()[0] == null) {
                    draft.coverArtId()[0] = album.coverArtId();
                }
            }
        }
        for (Track track : sorted) {
            for (ArtistRef credit : track.artists()) {
                Draft draft = drafts.computeIfAbsent(credit.id(), id -> new Draft(credit, new ArrayList<>(),
                        new ArrayList<>(), new String[1], new String[1], new String[1]));
                draft.trackIds().add(track.id());
                if (credit.id().equals(track.artistId())) {
                    draft.sortName()[0] = draft.sortName()[0] != null ? draft.sortName()[0] : track.sortArtist();
                    draft.musicBrainzId()[0] = draft.musicBrainzId()[0] != null
                            ? draft.musicBrainzId()[0] : track.musicBrainzArtistId();
                }
            }
            for (ArtistRef credit : track.albumArtists()) {
                Draft draft = drafts.get(credit.id());
                if (draft != null && credit.name().equals(track.albumArtist())) {
                    draft.sortName()[0] = draft.sortName()[0] != null ? draft.sortName()[0] : track.sortAlbumArtist();
                    draft.musicBrainzId()[0] = draft.musicBrainzId()[0] != null
                            ? draft.musicBrainzId()[0] : track.musicBrainzAlbumArtistId();
                }
            }
        }
        List<Artist> artists = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            String sortName = draft.sortName()[0] != null && !draft.sortName()[0].isBlank()
                    ? draft.sortName()[0] : TextFold.withoutArticle(draft.ref().name(), settings.ignoredArticles());
            List<String> albumIds = new ArrayList<>(draft.albumIds());
            albumIds.sort(Comparator.comparing((String id) -> {
                Integer year = albums.get(id).year();
                return year == null ? Integer.MAX_VALUE : year;
            }).thenComparing(id -> TextFold.fold(albums.get(id).sortName())));
            artists.add(new Artist(draft.ref().id(), draft.ref().name(), sortName, draft.musicBrainzId()[0],
                    List.copyOf(albumIds), List.copyOf(draft.trackIds()), draft.coverArtId()[0], IndexKeys.of(sortName)));
        }
        artists.sort(Comparator.comparing((Artist a) -> TextFold.fold(a.sortName())).thenComparing(Artist::id));
        Map<String, Artist> byId = new LinkedHashMap<>();
        for (Artist artist : artists) {
            byId.put(artist.id(), artist);
        }
        return byId;
    }

    private static <T> List<IndexEntry> index(List<T> items, Function<T, String> key,
                                              Function<T, String> id) {
        Map<String, List<String>> byKey = new TreeMap<>(IndexKeys.ORDER);
        for (T item : items) {
            byKey.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(id.apply(item));
        }
        return byKey.entrySet().stream().map(e -> new IndexEntry(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private static Map<String, Folder> buildFolders(List<Track> sorted, Map<String, FolderImage> folderImages) {
        Map<String, List<String>> childPaths = new HashMap<>();
        Map<String, List<Track>> tracksByFolder = new HashMap<>();
        childPaths.put("", new ArrayList<>());
        for (Track track : sorted) {
            String folderPath = parent(track.path());
            tracksByFolder.computeIfAbsent(folderPath, p -> new ArrayList<>()).add(track);
            // walk up until a folder already linked to its parent, linking each new one on the way
            String path = folderPath;
            String child = null;
            while (true) {
                boolean known = childPaths.containsKey(path);
                List<String> children = childPaths.computeIfAbsent(path, p -> new ArrayList<>());
                if (child != null) {
                    children.add(child);
                }
                if (known) {
                    break;
                }
                child = path;
                path = parent(path);
            }
        }
        Map<String, Folder> folders = new LinkedHashMap<>();
        for (String path : childPaths.keySet().stream().sorted().toList()) {
            List<String> children = childPaths.get(path).stream()
                    .sorted(Comparator.comparing(p -> TextFold.fold(name(p))))
                    .map(Ids::folderId).toList();
            List<Track> folderTracks = new ArrayList<>(tracksByFolder.getOrDefault(path, List.of()));
            folderTracks.sort(ALBUM_ORDER);
            FolderImage image = folderImages.get(path);
            String coverArtId = image != null ? Ids.coverArtId(Ids.folderId(path), image.modifiedMillis()) : folderTracks.stream()
                    .filter(Track::hasEmbeddedCover).map(t -> Ids.coverArtId(t.id(), t.modifiedMillis())).findFirst().orElse(null);
            folders.put(Ids.folderId(path), new Folder(Ids.folderId(path), path.isEmpty() ? null : Ids.folderId(parent(path)),
                    name(path), path, children, folderTracks.stream().map(Track::id).toList(),
                    image == null ? null : image.path(), coverArtId));
        }
        return folders;
    }

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<Genre> buildGenres(List<Track> sorted) {
        Map<String, int[]> songs = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, Set<String>> albums = new HashMap<>();
        for (Track track : sorted) {
            for (String genre : track.genres()) {
                songs.computeIfAbsent(genre, g -> new int[1])[0]++;
                albums.computeIfAbsent(genre.toLowerCase(Locale.ROOT), g -> new HashSet<>())
                        .add(track.albumId());
            }
        }
        return songs.entrySet().stream().map(e -> new Genre(e.getKey(), e.getValue()[0],
                albums.get(e.getKey().toLowerCase(Locale.ROOT)).size())).toList();
    }
}
