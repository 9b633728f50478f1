package dev.minstrel.subsonic.protocol;

import dev.minstrel.library.catalogue.CleanText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of one call: query string and form body merged, names case-sensitive, repeated
 * values kept in the order sent. Accessors throw {@link SubsonicException} (code 10) for missing or
 * malformed values so that every endpoint reports bad input the same way.
 */
public final class Params {

    private final Map<String, List<String>> values;

    private Params(Map<String, List<String>> values) {
        this.values = values;
    }

    /** A parameter sent without a value ({@code ?x}, {@code &id}) is there, with an empty value. */
    public static Params of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> copy.put(name,
                list.stream().map(value -> value == null ? "" : value).toList()));
        return new Params(copy);
    }

    /** These parameters followed by {@code more}: values of the same name are appended in order. */
    public Params with(Map<String, List<String>> more) {
        if (more.isEmpty()) {
            return this;
        }
        Map<String, List<String>> merged = new LinkedHashMap<>();
        values.forEach((name, list) -> merged.put(name, new ArrayList<>(list)));
        more.forEach((name, list) -> merged.computeIfAbsent(name, n -> new ArrayList<>()).addAll(list));
        return of(merged);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** The first value, or empty when the parameter is absent. */
    public Optional<String> string(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    /**
     * A text the server stores (a name, a comment): the first value without control characters
     * ({@link CleanText}), refused (error 10) when longer than what is stored for it.
     */
    public Optional<String> text(String name, int maxLength) {
        Optional<String> value = string(name).map(CleanText::of);
        if (value.isPresent() && value.get().length() > maxLength) {
            throw new SubsonicException(ErrorCode.MISSING_PARAMETER,
                    "Parameter '" + name + "' must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** The first non-blank value; absent and blank values both count as missing (error 10). */
    public String required(String name) {
        return string(name).filter(v -> !v.isBlank()).orElseThrow(() -> SubsonicException.missing(name));
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public Optional<Integer> integer(String name) {
        return string(name).filter(v -> !v.isBlank()).map(v -> parseInt(name, v));
    }

    public int integer(String name, int fallback) {
        return integer(name).orElse(fallback);
    }

    public Optional<Long> longValue(String name) {
        return string(name).filter(v -> !v.isBlank()).map(v -> parseLong(name, v));
    }

    public List<Long> longs(String name) {
        return all(name).stream().map(v -> parseLong(name, v)).toList();
    }

    public List<Integer> integers(String name) {
        return all(name).stream().map(v -> parseInt(name, v)).toList();
    }

    public Optional<Boolean> bool(String name) {
        return string(name).filter(v -> !v.isBlank()).map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw SubsonicException.invalid(name, v, "true or false");
        });
    }

    public boolean bool(String name, boolean fallback) {
        return bool(name).orElse(fallback);
    }

    /** A count or size: a whole number from 0, silently capped at {@code max}. */
    public int count(String name, int fallback, int max) {
        int value = integer(name, fallback);
        if (value < 0) {
            throw SubsonicException.invalid(name, Integer.toString(value), "a whole number from 0");
        }
        return Math.min(value, max);
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw SubsonicException.invalid(name, value, "a whole number");
        }
    }

    private static long parseLong(String name, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw SubsonicException.invalid(name, value, "a whole number");
        }
    }
}
