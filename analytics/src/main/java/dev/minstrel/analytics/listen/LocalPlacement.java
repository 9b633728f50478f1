package dev.minstrel.analytics.listen;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * Where an instant falls in a listener's own calendar: local day, hour and weekday, and the days
 * on which its ISO week, month and year begin (all days as epoch days).
 */
record LocalPlacement(long day, int hour, int weekday, long weekStart, long monthStart, long yearStart) {

    static LocalPlacement of(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        return new LocalPlacement(date.toEpochDay(), local.getHour(), date.getDayOfWeek().getValue(),
                date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toEpochDay(),
                date.withDayOfMonth(1).toEpochDay(), date.withDayOfYear(1).toEpochDay());
    }

    /** period key and start day for each period a listen is rolled up into */
    long start(String period) {
        return switch (period) {
            case "w" -> weekStart;
            case "m" -> monthStart;
            case "y" -> yearStart;
            default -> 0;
        };
    }
}
