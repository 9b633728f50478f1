package dev.minstrel.analytics.listen;

import java.time.Instant;

/**
 * A listen from an export file, its track worked out.
 *
 * @param inLibrary whether {@code track} is a library track (else it is known by its names only)
 * @param source    where it was found in the file (e.g. "line 12"), for the report
 */
public record ImportedPlay(ListenedTrack track, boolean inLibrary, Instant startedAt, int seconds, String client,
                           String source) {
}
