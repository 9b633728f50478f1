package dev.minstrel.subsonic.annotation;

/**
 * What one user has said about one item (track, album, artist or folder).
 *
 * @param starredAt  epoch ms, or null when not starred
 * @param rating     1 to 5, or 0 when unrated
 * @param playCount  listens (see docs/listening-stats.md) of a track, or of any track of an album
 * @param lastPlayed epoch ms of the start of the last listen, or null
 */
public record Annotation(Long starredAt, int rating, long playCount, Long lastPlayed) {

    public static final Annotation NONE = new Annotation(null, 0, 0, null);

    Annotation starred(Long at) {
        return new Annotation(at, rating, playCount, lastPlayed);
    }

    Annotation rated(int value) {
        return new Annotation(starredAt, value, playCount, lastPlayed);
    }

    Annotation played(long at) {
        return new Annotation(starredAt, rating, playCount + 1, lastPlayed == null ? at : Math.max(lastPlayed, at));
    }
}
