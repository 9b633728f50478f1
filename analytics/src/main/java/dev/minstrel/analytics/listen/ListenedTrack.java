package dev.minstrel.analytics.listen;

import dev.minstrel.library.catalogue.Track;

/**
 * The track of a listen as the listen table and {@code listened_track} keep it: a library track,
 * or one known only by its names (an imported listen of a track not in the library).
 *
 * @param durationSeconds its length, 0 when unknown
 */
public record ListenedTrack(String id, String title, String artist, String artistId, String album, String albumId,
                            String genre, int durationSeconds) {

    public static ListenedTrack of(Track track) {
        return new ListenedTrack(track.id(), track.title(), track.artist(), track.artistId(), track.album(),
                track.albumId(), track.genre(), track.durationSeconds());
    }
}
