package dev.minstrel.subsonic.protocol;

import java.util.List;

/**
 * The payload of a successful response: nothing, one element named {@code element}, or (for the
 * OpenSubsonic top-level arrays such as {@code openSubsonicExtensions}) a list of them.
 */
public record Reply(String element, Object body) {

    public static final Reply EMPTY = new Reply(null, null);

    public static Reply of(String element, Object body) {
        return new Reply(element, body);
    }

    public static Reply list(String element, List<?> items) {
        return new Reply(element, List.copyOf(items));
    }

    public boolean isEmpty() {
        return element == null;
    }
}
