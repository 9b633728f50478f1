package dev.minstrel.analytics.stats;

import java.util.List;

/**
 * Listening stats of one user or of the whole server over a period: the JSON body of /api/stats.
 *
 * @param from            the first local day of the period (ISO date), null for all time
 * @param listensByHour   24 counts, local hour 0 to 23
 * @param listensByWeekday 7 counts, Monday to Sunday
 * @param heatMap         7 rows (Monday to Sunday) of 24 counts (local hours)
 * @param currentStreak   consecutive local days with a listen up to today (or yesterday: today is not over)
 * @param longestStreak   the longest run of such days ever
 * @param listensLast30Days listens on each of the last 30 local days, today last, whatever the period
 * @param listensByWeekThisYear listens in each week (from Monday, {@code day} its Monday) of this
 *                        local year up to this week, whatever the period
 * @param topTracksByTime the period's tracks by time played, most first
 * @param topArtistsByTime the period's artists by time played, most first
 */
public record StatsReport(
        String scope,
        String username,
        String period,
        String timeZone,
        String from,
        long listens,
        long minutesListened,
        long distinctTracks,
        long distinctArtists,
        long distinctAlbums,
        List<TopTrack> topTracks,
        List<TopArtist> topArtists,
        List<TopAlbum> topAlbums,
        List<TopGenre> topGenres,
        List<Long> listensByHour,
        List<Long> listensByWeekday,
        List<List<Long>> heatMap,
        int currentStreak,
        int longestStreak,
        List<Persona> personas,
        List<DayCount> listensLast30Days,
        List<DayCount> listensByWeekThisYear,
        List<TopTrack> topTracksByTime,
        List<TopArtist> topArtistsByTime) {

    /**
     * @param day     an ISO date: the day, or the Monday of the week
     * @param minutes seconds played that day or week / 60, rounded down
     */
    public record DayCount(String day, long listens, long minutes) {
    }

    /** @param minutes seconds played / 60, rounded down (so in the tops below) */
    public record TopTrack(String id, String title, String artist, String album, long listens, long minutes) {
    }

    public record TopArtist(String id, String name, long listens, long minutes) {
    }

    public record TopAlbum(String id, String name, String artist, long listens, long minutes) {
    }

    public record TopGenre(String name, long listens, long minutes) {
    }

    public record Persona(String id, String reason) {
    }
}
