package dev.minstrel.ingest.watch;

import java.time.Instant;

/**
 * A watched playlist.
 *
 * @param name        the playlist's name at its source (its link until first read)
 * @param playlistId  the mirror's Subsonic playlist id
 * @param state       {@code syncing} while a sync runs, {@code failing} after a failed sync (until one succeeds),
 *                    else {@code watching}
 * @param lastChecked when the last sync ended; null before the first
 * @param nextCheck   when the next sync starts (a failing watch backs off)
 * @param trackCount  songs in the mirror
 * @param failures    syncs failed in a row
 * @param lastError   why the last sync failed, or why some of its songs could not be downloaded; null when all went well
 * @param jobId       the ingest job the running sync waits for, or null
 */
public record Watch(String id, String url, String name, String ownerId, String playlistId, String state,
                    Instant createdAt, Instant lastChecked, Instant nextCheck, int trackCount, int failures,
                    String lastError, String jobId) {
}
