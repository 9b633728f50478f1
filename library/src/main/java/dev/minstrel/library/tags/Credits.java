package dev.minstrel.library.tags;

import dev.minstrel.library.catalogue.Ids;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits an artist string into the artists it credits: "A feat. B", "A ft. B", "A featuring B",
 * "A (feat. B)", "A; B" and "A / B" name two artists. "&", "and", "," and "/" without spaces are
 * left alone because too many single names contain them (Simon &amp; Garfunkel, AC/DC).
 */
final class Credits {

    private static final Pattern BRACKETED_FEATURE =
            Pattern.compile("\\s*[(\\[]\\s*(?:feat\\.?|ft\\.|featuring)\\s+([^)\\]]+)[)\\]]", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR =
            Pattern.compile("\\s*;\\s*|\\s+/\\s+|\\s+(?:feat\\.?|ft\\.|featuring)\\s+", Pattern.CASE_INSENSITIVE);

    private Credits() {
    }

    static List<String> split(String artist) {
        String flattened = BRACKETED_FEATURE.matcher(artist).replaceAll("; $1");
        List<String> names = new ArrayList<>();
        for (String name : SEPARATOR.split(flattened)) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** The names without blanks and without repeats that only differ in case or spacing. */
    static List<String> distinct(List<String> names) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                byKey.putIfAbsent(Ids.key(name), name.strip());
            }
        }
        return List.copyOf(byKey.values());
    }
}
