package dev.minstrel.library.lyrics;

import java.util.List;

/**
 * Lyrics of one track.
 *
 * @param synced true when every line carries a start time
 * @param lang   ISO 639 code, "xxx" when unknown (the OpenSubsonic convention)
 */
public record Lyrics(String artist, String title, String lang, boolean synced, List<Line> lines) {

    /** A line of lyrics; {@code startMillis} is null for unsynced lyrics. */
    public record Line(Long startMillis, String text) {
    }

    public String text() {
        return String.join("\n", lines.stream().map(Line::text).toList());
    }
}
