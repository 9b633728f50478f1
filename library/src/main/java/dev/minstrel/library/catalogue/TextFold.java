package dev.minstrel.library.catalogue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Case- and accent-insensitive forms of names, for sorting, indexing and search. */
public final class TextFold {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextFold() {
    }

    /** "Beyoncé Knowles" → "beyonce knowles"; "Straße" → "strasse". */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String stripped = MARKS.matcher(decomposed).replaceAll("");
        return stripped.toLowerCase(Locale.ROOT)
                .replace("ß", "ss").replace("æ", "ae").replace("œ", "oe").replace("ø", "o")
                .replace("ł", "l").replace("đ", "d").replace("þ", "th");
    }

    /** The folded words of a text, punctuation dropped: "AC/DC - T.N.T." → [ac, dc, t, n, t]. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : NON_WORD.split(fold(text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** The name without a leading ignored article: "The Beatles" → "Beatles". */
    public static String withoutArticle(String name, List<String> articles) {
        if (name == null) {
            return "";
        }
        String trimmed = name.strip();
        for (String article : articles) {
            int length = article.length();
            if (trimmed.length() > length + 1
                    && trimmed.regionMatches(true, 0, article, 0, length)
                    && Character.isWhitespace(trimmed.charAt(length))) {
                return trimmed.substring(length + 1).strip();
            }
        }
        return trimmed;
    }
}
