package dev.minstrel.library.catalogue;

import java.util.List;

/**
 * An artist: anyone credited as album artist or track artist. Its id is derived from the
 * normalised name, so it is stable across rescans.
 *
 * @param albumIds    albums on which this artist is the album artist, by year then name
 * @param trackIds    tracks that credit this artist, in album order
 * @param indexKey    the letter (or "#") this artist is filed under in the alphabetical index
 */
public record Artist(
        String id,
        String name,
        String sortName,
        String musicBrainzId,
        List<String> albumIds,
        List<String> trackIds,
        String coverArtId,
        String indexKey) {

    public int albumCount() {
        return albumIds.size();
    }
}
