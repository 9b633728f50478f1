package dev.minstrel.library.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * One audio file as the catalogue knows it. {@code path} is relative to the music folder with
 * '/' separators; it is for the server's own use and never leaves it (ids stand in for it).
 *
 * @param durationSeconds whole seconds, as Subsonic reports them
 * @param bitRate         kbit/s
 * @param isrc            the recording's ISRC (ID3 TSRC), upper case; null when the file has none
 * @param coverArtId      the id to ask cover art for (the track's own when it has embedded art,
 *                        else its album's), or null when neither has art; in a catalogue it carries
 *                        the art's version ({@link Ids#coverArtId})
 */
public record Track(
        String id,
        String path,
        String folderId,
        String title,
        String album,
        String albumId,
        String artist,
        String artistId,
        List<ArtistRef> artists,
        String albumArtist,
        List<ArtistRef> albumArtists,
        Integer trackNumber,
        Integer discNumber,
        Integer year,
        List<String> genres,
        int durationSeconds,
        int bitRate,
        int sampleRate,
        int channels,
        Integer bitDepth,
        long size,
        String suffix,
        String contentType,
        boolean compilation,
        String sortTitle,
        String sortArtist,
        String sortAlbum,
        String sortAlbumArtist,
        String musicBrainzTrackId,
        String musicBrainzAlbumId,
        String musicBrainzArtistId,
        String musicBrainzAlbumArtistId,
        ReplayGain replayGain,
        boolean hasEmbeddedLyrics,
        boolean hasEmbeddedCover,
        String coverArtId,
        String comment,
        Integer bpm,
        String sourceUrl,
        String isrc,
        long modifiedMillis,
        Instant created) {

    /** This track with its cover art id resolved (a scan knows it only once every folder is seen). */
    public Track withCoverArtId(String coverArtId) {
        return new Track(id, path, folderId, title, album, albumId, artist, artistId, artists, albumArtist, albumArtists,
                trackNumber, discNumber, year, genres, durationSeconds, bitRate, sampleRate, channels, bitDepth, size,
                suffix, contentType, compilation, sortTitle, sortArtist, sortAlbum, sortAlbumArtist, musicBrainzTrackId,
                musicBrainzAlbumId, musicBrainzArtistId, musicBrainzAlbumArtistId, replayGain, hasEmbeddedLyrics,
                hasEmbeddedCover, coverArtId, comment, bpm, sourceUrl, isrc, modifiedMillis, created);
    }

    public String genre() {
        return genres.isEmpty() ? null : genres.get(0);
    }
}
