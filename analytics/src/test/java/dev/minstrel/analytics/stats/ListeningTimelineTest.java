package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.stats.StatsReport.DayCount;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The series the stats page draws: listens and minutes per day for the last 30 days, per week for this year. */
class ListeningTimelineTest {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 14); // a Wednesday

    static long day(String iso) {
        return LocalDate.parse(iso).toEpochDay();
    }

    /** {@code listens} listens of three minutes each */
    static ListeningStats.Counts listens(long listens) {
        return new ListeningStats.Counts(listens, listens * 180);
    }

    @Test
    void thirtyDaysEndingTodayWithTheEmptyDaysIncluded() {
        List<DayCount> days = ListeningStats.lastDays(Map.of(day("2026-01-14"), listens(3), day("2025-12-16"),
                listens(2), day("2025-12-15"), listens(9)), TODAY);

        assertThat(days).hasSize(30);
        assertThat(days.get(0)).isEqualTo(new DayCount("2025-12-16", 2, 6));
        assertThat(days.get(29)).isEqualTo(new DayCount("2026-01-14", 3, 9));
        assertThat(days.stream().mapToLong(DayCount::listens).sum()).as("the 31st day back is left out").isEqualTo(5);
    }

    @Test
    void weeksFromMondayUpToThisWeekWithTheFirstWeekCountedFromNewYearsDay() {
        List<DayCount> weeks = ListeningStats.weeksThisYear(Map.of(day("2025-12-31"), listens(7), day("2026-01-01"),
                listens(1), day("2026-01-04"), listens(2), day("2026-01-05"), listens(4), day("2026-01-14"), listens(5)),
                TODAY);

        assertThat(weeks).containsExactly(new DayCount("2025-12-29", 3, 9), new DayCount("2026-01-05", 4, 12),
                new DayCount("2026-01-12", 5, 15));
    }
}
