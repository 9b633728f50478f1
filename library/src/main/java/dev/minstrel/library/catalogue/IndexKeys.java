package dev.minstrel.library.catalogue;

import java.util.Comparator;

/** The letters of an alphabetical index (getArtists, getIndexes): one capital letter, or "#". */
public final class IndexKeys {

    /** A to Z, then "#". */
    public static final Comparator<String> ORDER = (a, b) -> {
        if (a.equals(b)) {
            return 0;
        }
        return a.equals("#") ? 1 : b.equals("#") ? -1 : a.compareTo(b);
    };

    private IndexKeys() {
    }

    /** "#" for names that do not start with a letter; otherwise the unaccented capital letter. */
    public static String of(String sortName) {
        String folded = TextFold.fold(sortName);
        if (folded.isEmpty() || !Character.isLetter(folded.codePointAt(0))) {
            return "#";
        }
        return new String(Character.toChars(Character.toUpperCase(folded.codePointAt(0))));
    }
}
