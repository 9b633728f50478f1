package dev.minstrel.analytics.stats;

import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A recap's calendar year or month, in the listener's zone.
 *
 * @param key   the roll-ups' period column: {@code y} or {@code m}
 * @param first its first day
 * @param end   the day after its last
 */
record RecapPeriod(String key, LocalDate first, LocalDate end) {

    /** {@code 2026} or {@code 2026-03}, years 1970 to 9999. */
    static Optional<RecapPeriod> parse(String period) {
        if (period == null) {
            return Optional.empty();
        }
        try {
            if (period.matches("\\d{4}")) {
                LocalDate first = Year.parse(period).atDay(1);
                return first.getYear() < 1970 ? Optional.empty() : Optional.of(new RecapPeriod("y", first, first.plusYears(1)));
            }
            if (period.matches("\\d{4}-\\d{2}")) {
                LocalDate first = YearMonth.parse(period).atDay(1);
                return first.getYear() < 1970 ? Optional.empty() : Optional.of(new RecapPeriod("m", first, first.plusMonths(1)));
            }
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
