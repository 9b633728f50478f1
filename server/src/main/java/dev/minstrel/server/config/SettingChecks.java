package dev.minstrel.server.config;

import java.util.regex.Pattern;

/**
 * The checks settings records make of their values in their compact constructors, with Bean
 * Validation's wording ({@code @Min}, {@code @Max}, {@code @NotNull}, {@code @NotBlank},
 * {@code @Pattern}). Not Bean Validation itself: Hibernate Validator and its expression language
 * load about 700 classes at every start, a tenth of the server's start-up on a Pi, for a dozen
 * checks. Each check returns the value, so a constructor reads {@code port = range("port", port, 1, 65535)}.
 */
public final class SettingChecks {

    private SettingChecks() {
    }

    /** {@code @Min(min) @Max(max)}. */
    public static int range(String setting, int value, int min, int max) {
        atLeast(setting, value, min);
        if (value > max) {
            throw new InvalidSettingException(setting, "must be less than or equal to " + max);
        }
        return value;
    }

    /** {@code @Min(min)}. */
    public static int atLeast(String setting, int value, int min) {
        if (value < min) {
            throw new InvalidSettingException(setting, "must be greater than or equal to " + min);
        }
        return value;
    }

    /** {@code @NotNull}: a setting given as an empty value binds as null. */
    public static <T> T required(String setting, T value) {
        if (value == null) {
            throw new InvalidSettingException(setting, "must not be null");
        }
        return value;
    }

    /** {@code @NotBlank}. */
    public static String notBlank(String setting, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidSettingException(setting, "must not be blank");
        }
        return value;
    }

    /** {@code @Pattern(regexp, message)}: the whole value must match; an unset (null) value passes. */
    public static String matching(String setting, String value, Pattern pattern, String message) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw new InvalidSettingException(setting, message);
        }
        return value;
    }
}
