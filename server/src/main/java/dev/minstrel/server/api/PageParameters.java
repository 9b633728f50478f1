package dev.minstrel.server.api;

/**
 * A list's {@code offset} and {@code limit} query parameters, read as given: anything but a number
 * in range is one plain {@code 400}, never a conversion error.
 */
public record PageParameters(int offset, int limit) {

    /** The most a list answers at once. */
    public static final int MAX_LIMIT = 200;

    public static PageParameters of(String offset, String limit) {
        int from = number(offset);
        int size = number(limit);
        if (from < 0 || size < 1 || size > MAX_LIMIT) {
            throw ApiException.badRequest("offset must be 0 or more and limit between 1 and " + MAX_LIMIT + ".");
        }
        return new PageParameters(from, size);
    }

    /** A number, or -1 (out of range) for anything else. */
    private static int number(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
