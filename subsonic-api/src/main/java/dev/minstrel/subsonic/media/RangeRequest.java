package dev.minstrel.subsonic.media;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * What a request's {@code Range} asks of a file, decided as RFC 9110 (section 14) says, before
 * Spring's resource writer sees the header (it would refuse with 416 what the RFC says to ignore):
 * <ul>
 * <li>no Range, a unit other than bytes, or a malformed or abusive set (more than
 *     {@value #MAX_PARTS} parts, or parts adding up to more than the file): the whole file;</li>
 * <li>an {@code If-Range} that does not match the file's current strong ETag or Last-Modified
 *     (the client's copy is stale): the whole file;</li>
 * <li>otherwise the satisfiable parts (those that start inside the file), or 416 when none is.</li>
 * </ul>
 *
 * @param parts the satisfiable parts, for {@link Kind#PARTS}
 */
record RangeRequest(Kind kind, List<HttpRange> parts) {

    enum Kind { WHOLE, PARTS, UNSATISFIABLE }

    static final int MAX_PARTS = 16;

    private static final RangeRequest WHOLE = new RangeRequest(Kind.WHOLE, List.of());

    /** @param lastModifiedMillis the file's modification time as Last-Modified states it (seconds count) */
    static RangeRequest of(HttpHeaders request, long length, String etag, long lastModifiedMillis) {
        String range = request.getFirst(HttpHeaders.RANGE);
        if (range == null || !range.regionMatches(true, 0, "bytes=", 0, 6)
                || !validatorMatches(request.getFirst(HttpHeaders.IF_RANGE), etag, lastModifiedMillis)) {
            return WHOLE;
        }
        List<HttpRange> asked;
        try {
            asked = HttpRange.parseRanges(range);
        } catch (IllegalArgumentException malformed) {
            return WHOLE;
        }
        List<HttpRange> satisfiable = asked.stream().filter(part -> {
            long start = part.getRangeStart(length);
            return start < length && start <= part.getRangeEnd(length);
        }).toList();
        if (asked.isEmpty() || satisfiable.size() > MAX_PARTS || total(satisfiable, length) > length) {
            return WHOLE;
        }
        return satisfiable.isEmpty() ? new RangeRequest(Kind.UNSATISFIABLE, List.of())
                : new RangeRequest(Kind.PARTS, satisfiable);
    }

    /** The Range header naming only the satisfiable parts. */
    String header() {
        return HttpRange.toString(parts);
    }

    private static long total(List<HttpRange> parts, long length) {
        return parts.stream().mapToLong(p -> p.getRangeEnd(length) - p.getRangeStart(length) + 1).sum();
    }

    /** No If-Range matches; an entity tag matches by strong comparison, a date exactly. */
    private static boolean validatorMatches(String ifRange, String etag, long lastModifiedMillis) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag);
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US))
                    .toInstant().toEpochMilli() == lastModifiedMillis / 1000 * 1000;
        } catch (DateTimeParseException unreadable) {
            return false;
        }
    }
}
