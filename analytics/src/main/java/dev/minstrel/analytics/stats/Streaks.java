package dev.minstrel.analytics.stats;

import java.util.List;

/** Runs of consecutive local days with at least one listen. */
record Streaks(int current, int longest) {

    /**
     * @param days  epoch days with a listen, ascending
     * @param today the local epoch day now: a streak that reached yesterday is still current,
     *              since today is not over
     */
    static Streaks of(List<Long> days, long today) {
        int longest = 0;
        int run = 0;
        long previous = Long.MIN_VALUE;
        for (long day : days) {
            run = day == previous + 1 ? run + 1 : 1;
            longest = Math.max(longest, run);
            previous = day;
        }
        boolean alive = !days.isEmpty() && (previous == today || previous == today - 1);
        return new Streaks(alive ? run : 0, longest);
    }
}
