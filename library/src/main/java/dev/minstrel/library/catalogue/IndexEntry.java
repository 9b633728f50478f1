package dev.minstrel.library.catalogue;

import java.util.List;

/** One letter of the alphabetical index ("A", "B", ... "#") and the ids filed under it. */
public record IndexEntry(String key, List<String> ids) {
}
