package dev.minstrel.library.scan;

import dev.minstrel.library.catalogue.ArtistRef;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.CatalogueSettings;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.tags.TrackTags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Turns read tags into tracks, and tracks plus folder images into a catalogue. */
public final class CatalogueFactory {

    private CatalogueFactory() {
    }

    /** A track whose cover art id is not resolved yet (see {@link #catalogue}). */
    public static Track track(String id, String path, TrackTags tags, long size, long modifiedMillis, Instant created) {
        List<ArtistRef> artists = tags.artists().stream().map(name -> new ArtistRef(Ids.artistId(name), name)).toList();
        List<ArtistRef> albumArtists = tags.albumArtists().stream()
                .map(name -> new ArtistRef(Ids.artistId(name), name)).toList();
        return new Track(id, path, Ids.folderId(folderOf(path)), tags.title(), tags.album(),
                Ids.albumId(tags.albumArtist(), tags.album()), tags.artist(), artists.get(0).id(), artists,
                tags.albumArtist(), albumArtists, tags.trackNumber(), tags.discNumber(), tags.year(), tags.genres(),
                tags.durationSeconds(), tags.bitRate(), tags.sampleRate(), tags.channels(), tags.bitDepth(), size,
                tags.suffix(), tags.contentType(), tags.compilation(), tags.sortTitle(), tags.sortArtist(),
                tags.sortAlbum(), tags.sortAlbumArtist(), tags.musicBrainzTrackId(), tags.musicBrainzAlbumId(),
                tags.musicBrainzArtistId(), tags.musicBrainzAlbumArtistId(), tags.replayGain(),
                tags.hasEmbeddedLyrics(), tags.hasEmbeddedCover(), null, tags.comment(), tags.bpm(),
                tags.sourceUrl(), tags.isrc(), modifiedMillis, created);
    }

    /**
     * Resolves every track's cover art id (its own when it has embedded art, else its album's when
     * any track of the album has embedded art or lies in a folder with an image) and builds the
     * catalogue.
     */
    public static Catalogue catalogue(LibraryState state, CatalogueSettings settings) {
        Set<String> albumsWithArt = new HashSet<>();
        for (Track track : state.tracks().values()) {
            if (track.hasEmbeddedCover() || state.folderImages().containsKey(folderOf(track.path()))) {
                albumsWithArt.add(track.albumId());
            }
        }
        List<Track> resolved = new ArrayList<>(state.tracks().size());
        for (Track track : state.tracks().values()) {
            String coverArtId = track.hasEmbeddedCover() ? track.id()
                    : albumsWithArt.contains(track.albumId()) ? track.albumId() : null;
            // a track of the last catalogue keeps its versioned id: the catalogue versions ids anew
            resolved.add(Objects.equals(coverArtId, Ids.withoutVersion(track.coverArtId()))
                    ? track : track.withCoverArtId(coverArtId));
        }
        return Catalogue.build(resolved, state.folderImages(), settings,
                state.lastModified() == null ? Instant.EPOCH : state.lastModified());
    }

    public static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
