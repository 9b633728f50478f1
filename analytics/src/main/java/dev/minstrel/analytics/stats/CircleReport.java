package dev.minstrel.analytics.stats;

import java.util.List;

/**
 * The circle's listening as one listener sees it: only those who let friends see at least their top
 * lists, and the viewer themself, are in it; only those who let friends see everything show what
 * they are playing now. The body of {@code /api/stats/circle}.
 *
 * @param byTime        the members by minutes listened in the period, most first
 * @param byListens     the members by listens in the period, most first
 * @param listeningNow  what members who show everything are playing now
 * @param currentStreak local days in a row, up to today (or yesterday: today is not over), on which
 *                      at least one member listened
 * @param longestStreak the longest such run
 */
public record CircleReport(String period, List<Member> byTime, List<Member> byListens,
                           List<NowListening> listeningNow, int currentStreak, int longestStreak, List<Award> awards) {

    /** @param currentStreak the member's own streak: local days in a row with a listen, up to today or yesterday */
    public record Member(String username, long listens, long minutes, int currentStreak) {
    }

    public record NowListening(String username, String trackId, String title, String artist, String client,
                               String state) {
    }

    /**
     * @param id     night-owl, early-bird, explorer, loyalist or on-repeat
     * @param value  the number the award is given for (a percentage, a count of artists or of plays)
     * @param reason that number in words
     */
    public record Award(String id, String title, String username, long value, String reason) {
    }
}
