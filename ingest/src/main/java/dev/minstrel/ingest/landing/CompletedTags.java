package dev.minstrel.ingest.landing;

/**
 * The tags of a downloaded file after completion: what naming, matching and duplicate checks need.
 *
 * @param artist the first credited artist (spotDL joins several with '/')
 */
public record CompletedTags(String title, String artist, String albumArtist, String album, Integer trackNumber,
                        double durationSeconds, String sourceUrl, boolean hasCover) {

    /** spotDL's name for a song: "First Artist - Title". */
    public String spotdlName() {
        return artist + " - " + title;
    }
}
