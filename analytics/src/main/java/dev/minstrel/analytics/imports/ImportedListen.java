package dev.minstrel.analytics.imports;

import java.time.Instant;

/**
 * One listen as an export file holds it.
 *
 * @param durationMs    the track's length when the file says it, else 0
 * @param recordingMbid its MusicBrainz recording id when the file says it, else null
 * @param client        the app that played it, when the file says, else the service it comes from
 * @param source        where it is in the file ("line 12", "entry 3"), for the report
 */
public record ImportedListen(Instant listenedAt, String artist, String title, String album, long durationMs,
                             String recordingMbid, String client, String source) {
}
