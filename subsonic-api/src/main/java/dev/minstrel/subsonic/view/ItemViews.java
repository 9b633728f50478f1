package dev.minstrel.subsonic.view;

import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.ArtistRef;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Folder;
import dev.minstrel.library.catalogue.LibraryPath;
import dev.minstrel.library.catalogue.ReplayGain;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.subsonic.annotation.Annotation;
import dev.minstrel.subsonic.annotation.UserAnnotations;
import dev.minstrel.subsonic.protocol.ClientProfile;
import dev.minstrel.subsonic.protocol.Dates;
import dev.minstrel.subsonic.model.AlbumID3;
import dev.minstrel.subsonic.model.AlbumID3Builder;
import dev.minstrel.subsonic.model.ArtistID3;
import dev.minstrel.subsonic.model.ArtistID3Builder;
import dev.minstrel.subsonic.model.ArtistView;
import dev.minstrel.subsonic.model.ArtistViewBuilder;
import dev.minstrel.subsonic.model.Child;
import dev.minstrel.subsonic.model.ChildBuilder;
import dev.minstrel.subsonic.model.IdName;
import dev.minstrel.subsonic.model.Name;
import dev.minstrel.subsonic.model.ReplayGainView;

import java.util.List;

/**
 * Turns catalogue items into response records for one user and one client: adds the user's stars,
 * ratings and play counts, and leaves out the OpenSubsonic fields for legacy and minimal clients.
 */
public final class ItemViews {

    private final Catalogue catalogue;
    private final UserAnnotations notes;
    private final ClientProfile profile;

    public ItemViews(Catalogue catalogue, UserAnnotations notes, ClientProfile profile) {
        this.catalogue = catalogue;
        this.notes = notes;
        this.profile = profile;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Whether the client gets OpenSubsonic's additions. */
    public boolean openSubsonic() {
        return profile.openSubsonic();
    }

    public UserAnnotations notes() {
        return notes;
    }

    public List<Child> songs(List<Track> tracks) {
        return tracks.stream().map(this::song).toList();
    }

    public Child song(Track t) {
        Annotation note = notes.of(t.id());
        ChildBuilder song = ChildBuilder.builder()
                .id(t.id()).parent(t.folderId()).isDir(false).title(t.title()).album(t.album()).artist(t.artist())
                .track(t.trackNumber()).year(t.year()).genre(t.genre()).coverArt(t.coverArtId()).size(t.size())
                .contentType(t.contentType()).suffix(t.suffix()).duration(t.durationSeconds()).bitRate(t.bitRate())
                .userRating(rating(note)).discNumber(t.discNumber()).starred(Dates.iso(note.starredAt()))
                .albumId(t.albumId()).artistId(t.artistId()).type("music");
        if (profile != ClientProfile.MINIMAL) {
            song.path(LibraryPath.of(t.albumArtist(), t.album(), t.discNumber(), t.trackNumber(), t.title(), t.suffix())).playCount(note.playCount()).created(Dates.iso(t.created())).isVideo(false);
        }
        if (profile.openSubsonic()) {
            song.played(Dates.iso(note.lastPlayed())).bpm(orZero(t.bpm())).comment(orEmpty(t.comment()))
                    .sortName(orEmpty(t.sortTitle())).mediaType("song").musicBrainzId(orEmpty(t.musicBrainzTrackId()))
                    .displayArtist(t.artist()).displayAlbumArtist(t.albumArtist()).displayComposer("")
                    .channelCount(t.channels()).samplingRate(t.sampleRate()).bitDepth(orZero(t.bitDepth()))
                    .explicitStatus("").isrc(t.isrc() == null ? List.of() : List.of(t.isrc())).genres(names(t.genres())).artists(credits(t.artists()))
                    .albumArtists(credits(t.albumArtists())).contributors(List.of()).moods(List.of())
                    .replayGain(replayGain(t.replayGain()));
        }
        return song.build();
    }

    /** An album as a directory entry (getAlbumList, search2, getStarred, getMusicDirectory of an artist). */
    public Child albumDirectory(Album a) {
        Annotation note = notes.of(a.id());
        ChildBuilder album = ChildBuilder.builder()
                .id(a.id()).parent(a.artistId()).isDir(true).title(a.name()).album(a.name()).artist(a.artist())
                .year(a.year()).genre(a.genre()).coverArt(a.coverArtId()).duration(a.durationSeconds())
                .userRating(rating(note)).playCount(note.playCount()).created(Dates.iso(a.created()))
                .starred(Dates.iso(note.starredAt())).albumId(a.id()).artistId(a.artistId());
        if (profile.openSubsonic()) {
            album.played(Dates.iso(note.lastPlayed())).mediaType("album");
        }
        return album.build();
    }

    public Child folderDirectory(Folder f) {
        Annotation note = notes.of(f.id());
        return ChildBuilder.builder().id(f.id()).parent(f.parentId()).isDir(true).title(f.name())
                .coverArt(f.coverArtId()).userRating(rating(note)).starred(Dates.iso(note.starredAt())).build();
    }

    public AlbumID3 album(Album a) {
        Annotation note = notes.of(a.id());
        AlbumID3Builder album = AlbumID3Builder.builder()
                .id(a.id()).name(a.name()).artist(a.artist()).artistId(a.artistId()).coverArt(a.coverArtId())
                .songCount(a.songCount()).duration(a.durationSeconds()).playCount(note.playCount())
                .created(Dates.iso(a.created())).starred(Dates.iso(note.starredAt())).year(a.year()).genre(a.genre());
        if (profile.openSubsonic()) {
            album.played(Dates.iso(note.lastPlayed())).userRating(rating(note)).sortName(orEmpty(a.sortName()))
                    .musicBrainzId(orEmpty(a.musicBrainzId())).displayArtist(a.artist()).isCompilation(a.compilation())
                    .recordLabels(List.of()).genres(names(a.genres()))
                    .artists(credits(a.artists().isEmpty() ? List.of(new ArtistRef(a.artistId(), a.artist())) : a.artists()))
                    .releaseTypes(List.of()).moods(List.of());
        }
        return album.build();
    }

    public ArtistID3 artist(Artist a) {
        Annotation note = notes.of(a.id());
        ArtistID3Builder artist = ArtistID3Builder.builder().id(a.id()).name(a.name()).coverArt(a.coverArtId())
                .albumCount(a.albumCount()).starred(Dates.iso(note.starredAt()));
        if (profile.openSubsonic()) {
            artist.userRating(rating(note)).musicBrainzId(orEmpty(a.musicBrainzId())).sortName(orEmpty(a.sortName()))
                    .roles(List.of());
        }
        return artist.build();
    }

    /** An artist as folder browsing lists it (XSD Artist). */
    public ArtistView artistEntry(Artist a) {
        return entry(a.id(), a.name());
    }

    public ArtistView folderEntry(Folder f) {
        return entry(f.id(), f.name());
    }

    private ArtistView entry(String id, String name) {
        Annotation note = notes.of(id);
        return ArtistViewBuilder.builder().id(id).name(name).starred(Dates.iso(note.starredAt())).userRating(rating(note))
                .build();
    }

    private static Integer rating(Annotation note) {
        return note.rating() == 0 ? null : note.rating();
    }

    private static List<Name> names(List<String> names) {
        return names.stream().map(Name::new).toList();
    }

    private static List<IdName> credits(List<ArtistRef> refs) {
        return refs.stream().map(r -> new IdName(r.id(), r.name())).toList();
    }

    private static ReplayGainView replayGain(ReplayGain gain) {
        return gain == null ? new ReplayGainView(null, null, null, null)
                : new ReplayGainView(gain.trackGain(), gain.albumGain(), gain.trackPeak(), gain.albumPeak());
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
