package dev.minstrel.library.tags;

import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.ReplayGain;

import java.util.List;

/**
 * Everything the catalogue needs from one audio file, with the fallbacks already applied: a title,
 * an album, at least one artist and one album artist are always present.
 *
 * @param artist       the track artist as tagged, for display ("A feat. B")
 * @param artists      the individual artists credited on the track ("A", "B")
 * @param albumArtist  the album artist that groups this track into an album
 * @param albumArtists the individual album artists credited
 * @param bitRate      kbit/s
 * @param bitDepth     bits per sample for lossless formats, else null
 * @param isrc         the recording's ISRC (ID3 TSRC, Vorbis ISRC), upper case; null when absent
 * @param minstrelId   the track id Minstrel recorded in the file ({@link Ids#TAG}), so a file that was
 *                     re-tagged and moved keeps its id; null when absent or not a track id
 */
public record TrackTags(
        String title,
        String artist,
        List<String> artists,
        String album,
        String albumArtist,
        List<String> albumArtists,
        Integer trackNumber,
        Integer discNumber,
        Integer year,
        List<String> genres,
        int durationSeconds,
        int bitRate,
        int sampleRate,
        int channels,
        Integer bitDepth,
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
        String comment,
        Integer bpm,
        String sourceUrl,
        String isrc,
        String minstrelId) {
}
