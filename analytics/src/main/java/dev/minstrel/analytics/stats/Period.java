package dev.minstrel.analytics.stats;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The calendar period stats cover, in the listener's own time zone: this ISO week (from Monday), month, year, or all time. */
public enum Period {
    WEEK("w"), MONTH("m"), YEAR("y"), ALL("a");

    private final String key;

    Period(String key) {
        this.key = key;
    }

    /** the period column of the roll-up tables */
    String key() {
        return key;
    }

    public String parameter() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The first local day of the period that contains {@code today}; null for all time. */
    public LocalDate firstDay(LocalDate today) {
        return switch (this) {
            case WEEK -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> today.withDayOfMonth(1);
            case YEAR -> today.withDayOfYear(1);
            case ALL -> null;
        };
    }

    public static Optional<Period> of(String parameter) {
        return Arrays.stream(values()).filter(p -> p.parameter().equals(parameter)).findFirst();
    }
}
