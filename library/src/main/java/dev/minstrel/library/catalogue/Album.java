package dev.minstrel.library.catalogue;

import java.time.Instant;
import java.util.List;

/**
 * Tracks grouped by album artist and album name. Its id is derived from those two names, so it
 * stays the same while the album keeps any of its tracks.
 *
 * @param trackIds in disc and track order
 */
public record Album(
        String id,
        String name,
        String artist,
        String artistId,
        List<ArtistRef> artists,
        Integer year,
        List<String> genres,
        int songCount,
        int durationSeconds,
        long size,
        String coverArtId,
        Instant created,
        boolean compilation,
        String sortName,
        String musicBrainzId,
        List<String> trackIds) {

    public String genre() {
        return genres.isEmpty() ? null : genres.get(0);
    }
}
