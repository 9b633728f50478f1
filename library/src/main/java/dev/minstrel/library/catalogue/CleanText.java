package dev.minstrel.library.catalogue;

/**
 * Text as Minstrel keeps and shows it: without the characters that XML 1.0, the Subsonic
 * protocol's default format, cannot carry (C0 controls other than tab, line feed and carriage
 * return, U+FFFE, U+FFFF, halves of surrogate pairs) nor the other invisible controls (DEL and
 * C1) that no one types on purpose. One such character in a playlist name or a tag would make
 * every XML answer that shows it unreadable for every client.
 */
public final class CleanText {

    private CleanText() {
    }

    /** The text without those characters; the same instance when it has none; null stays null. */
    public static String of(String text) {
        if (text == null || isClean(text)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                clean.append(c).append(text.charAt(++i));
            } else if (allowed(c)) {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    public static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (!allowed(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowed(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c >= 0x7F && c <= 0x9F) {
            return false;
        }
        return !Character.isSurrogate(c) && c != '\uFFFE' && c != '\uFFFF';
    }
}
