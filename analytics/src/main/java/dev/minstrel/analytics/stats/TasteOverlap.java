package dev.minstrel.analytics.stats;

import java.util.List;

/**
 * How much two listeners' listening has in common in a period: the body of
 * {@code /api/stats/overlap}. Each score is the share of listening the two have in common (see
 * {@link TasteOverlaps#similarity}), 0 to 100.
 *
 * @param score         the mean of {@code artistScore} and {@code trackScore}
 * @param yourListens   the viewer's listens in the period
 * @param theirListens  the other listener's listens in the period
 * @param sharedArtists up to 5 artists both listened to, those that add most to the score first
 * @param sharedTracks  up to 5 tracks both listened to, likewise
 */
public record TasteOverlap(String period, String username, int score, int artistScore, int trackScore,
                           long yourListens, long theirListens, List<SharedArtist> sharedArtists,
                           List<SharedTrack> sharedTracks) {

    public record SharedArtist(String id, String name, long yourListens, long theirListens) {
    }

    public record SharedTrack(String id, String title, String artist, long yourListens, long theirListens) {
    }
}
