package dev.minstrel.subsonic.view;

import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.ArtistRef;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Folder;
import dev.minstrel.library.catalogue.ReplayGain;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.subsonic.annotation.Annotation;
import dev.minstrel.subsonic.annotation.UserAnnotations;
import dev.minstrel.subsonic.protocol.ClientProfile;
import dev.minstrel.subsonic.protocol.Dates;
import dev.minstrel.subsonic.model.AlbumID3;
import dev.minstrel.subsonic.model.ArtistID3;
import dev.minstrel.subsonic.model.ArtistView;
import dev.minstrel.subsonic.model.Child;
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

    public UserAnnotations notes() {
        return notes;
    }

    public List<Child> songs(List<Track> tracks) {
        return tracks.stream().map(this::song).toList();
    }

    public Child song(Track t) {
        Annotation note = notes.of(t.id());
        boolean os = profile.openSubsonic();
        boolean minimal = profile == ClientProfile.MINIMAL;
        return new Child(t.id(), t.folderId(), false, t.title(), t.album(), t.artist(), t.trackNumber(), t.year(),
                t.genre(), t.coverArtId(), t.size(), t.contentType(), t.suffix(), t.durationSeconds(), t.bitRate(),
                minimal ? null : displayPath(t), rating(note), minimal ? null : note.playCount(), t.discNumber(),
                minimal ? null : Dates.iso(t.created()), Dates.iso(note.starredAt()), t.albumId(), t.artistId(), "music",
                minimal ? null : false, null, null, null, null, null,
                os ? Dates.iso(note.lastPlayed()) : null,
                os ? orZero(t.bpm()) : null,
                os ? orEmpty(t.comment()) : null,
                os ? orEmpty(t.sortTitle()) : null,
                os ? "song" : null,
                os ? orEmpty(t.musicBrainzTrackId()) : null,
                os ? t.artist() : null,
                os ? t.albumArtist() : null,
                os ? "" : null,
                os ? t.channels() : null,
                os ? t.sampleRate() : null,
                os ? orZero(t.bitDepth()) : null,
                os ? "" : null,
                os ? List.of() : null,
                os ? t.genres().stream().map(Name::new).toList() : null,
                os ? credits(t.artists()) : null,
                os ? credits(t.albumArtists()) : null,
                os ? List.of() : null,
                os ? List.of() : null,
                os ? replayGain(t.replayGain()) : null);
    }

    /** An album as a directory entry (getAlbumList, search2, getStarred, getMusicDirectory of an artist). */
    public Child albumDirectory(Album a) {
        Annotation note = notes.of(a.id());
        return new Child(a.id(), a.artistId(), true, a.name(), a.name(), a.artist(), null, a.year(), a.genre(),
                a.coverArtId(), null, null, null, a.durationSeconds(), null, null, rating(note), note.playCount(), null,
                Dates.iso(a.created()), Dates.iso(note.starredAt()), a.id(), a.artistId(), null, null, null, null, null,
                null, null, profile.openSubsonic() ? Dates.iso(note.lastPlayed()) : null, null, null, null,
                profile.openSubsonic() ? "album" : null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    public Child folderDirectory(Folder f) {
        Annotation note = notes.of(f.id());
        return new Child(f.id(), f.parentId(), true, f.name(), null, null, null, null, null, f.coverArtId(), null,
                null, null, null, null, null, rating(note), null, null, null, Dates.iso(note.starredAt()), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    public AlbumID3 album(Album a) {
        Annotation note = notes.of(a.id());
        boolean os = profile.openSubsonic();
        return new AlbumID3(a.id(), a.name(), a.artist(), a.artistId(), a.coverArtId(), a.songCount(),
                a.durationSeconds(), note.playCount(), Dates.iso(a.created()), Dates.iso(note.starredAt()), a.year(), a.genre(),
                os ? Dates.iso(note.lastPlayed()) : null,
                os ? rating(note) : null,
                os ? orEmpty(a.sortName()) : null,
                os ? orEmpty(a.musicBrainzId()) : null,
                os ? a.artist() : null,
                os ? a.compilation() : null,
                os ? List.of() : null,
                os ? a.genres().stream().map(Name::new).toList() : null,
                os ? credits(a.artists().isEmpty() ? List.of(new ArtistRef(a.artistId(), a.artist())) : a.artists()) : null,
                os ? List.of() : null,
                os ? List.of() : null,
                null);
    }

    public ArtistID3 artist(Artist a) {
        Annotation note = notes.of(a.id());
        boolean os = profile.openSubsonic();
        return new ArtistID3(a.id(), a.name(), a.coverArtId(), null, a.albumCount(), Dates.iso(note.starredAt()),
                os ? rating(note) : null, os ? orEmpty(a.musicBrainzId()) : null, os ? orEmpty(a.sortName()) : null,
                os ? List.of() : null, null);
    }

    /** An artist as folder browsing lists it (XSD Artist). */
    public ArtistView artistEntry(Artist a) {
        Annotation note = notes.of(a.id());
        return new ArtistView(a.id(), a.name(), null, Dates.iso(note.starredAt()), rating(note));
    }

    public ArtistView folderEntry(Folder f) {
        Annotation note = notes.of(f.id());
        return new ArtistView(f.id(), f.name(), null, Dates.iso(note.starredAt()), rating(note));
    }

    private static Integer rating(Annotation note) {
        return note.rating() == 0 ? null : note.rating();
    }

    private static List<IdName> credits(List<ArtistRef> refs) {
        return refs.stream().map(r -> new IdName(r.id(), r.name())).toList();
    }

    private static ReplayGainView replayGain(ReplayGain gain) {
        return gain == null ? new ReplayGainView(null, null, null, null)
                : new ReplayGainView(gain.trackGain(), gain.albumGain(), gain.trackPeak(), gain.albumPeak());
    }

    /**
     * A plausible path ("Artist/Album/01 - Title.mp3") for clients that name cached files after it;
     * the real path never leaves the server.
     */
    private static String displayPath(Track t) {
        String number = t.trackNumber() == null ? "" : String.format("%02d - ", t.trackNumber());
        return safe(t.albumArtist()) + "/" + safe(t.album()) + "/" + number + safe(t.title()) + "." + t.suffix();
    }

    private static String safe(String name) {
        return name == null || name.isBlank() ? "Unknown" : name.replace('/', '_').replace('\\', '_');
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
