package dev.minstrel.ingest.landing;

/**
 * The tags of a downloaded file after completion: what naming, matching and duplicate checks need.
 *
 * @param artist the first credited artist (spotDL joins several with '/')
 * @param isrc   the recording's ISRC as the library compares it, or null when neither file nor source gave one
 */
public record CompletedTags(String title, String artist, String albumArtist, String album, Integer discNumber,
                            Integer trackNumber, double durationSeconds, String sourceUrl, String isrc, boolean hasCover) {
}
