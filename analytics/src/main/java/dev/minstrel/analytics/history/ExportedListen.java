package dev.minstrel.analytics.history;

import java.time.Instant;

/**
 * One listen as a user takes it away: names as last known (also of tracks since gone from the
 * library), MusicBrainz ids when the track is still in the library and tagged with them.
 *
 * @param durationSeconds the track's length, 0 when it left the library
 * @param recordingMbid   the track's MusicBrainz recording id (Picard's "MusicBrainz Track Id")
 * @param releaseMbid     its album's MusicBrainz release id
 */
public record ExportedListen(Instant startedAt, int secondsPlayed, String client, String trackId, String title,
                             String artist, String album, int durationSeconds, String recordingMbid, String releaseMbid,
                             String artistMbid) {
}
