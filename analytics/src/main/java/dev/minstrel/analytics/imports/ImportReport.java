package dev.minstrel.analytics.imports;

import java.util.List;

/**
 * What an import did, once stored.
 *
 * @param imported          listens stored ({@code matched + unmatched})
 * @param duplicates        listens left out: the same play as one already stored (or earlier in the file)
 * @param matched           stored listens of library tracks
 * @param unmatched         stored listens of tracks not in the library, kept by their names
 * @param unmatchedExamples up to 10 of those, "Artist – Title", each once
 */
public record ImportReport(int imported, int duplicates, int matched, int unmatched, List<String> unmatchedExamples) {
}
