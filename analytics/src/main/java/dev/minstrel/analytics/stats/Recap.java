package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.stats.StatsReport.DayCount;
import dev.minstrel.analytics.stats.StatsReport.Persona;
import dev.minstrel.analytics.stats.StatsReport.TopAlbum;
import dev.minstrel.analytics.stats.StatsReport.TopArtist;
import dev.minstrel.analytics.stats.StatsReport.TopTrack;

import java.util.List;

/**
 * A listener's recap of a year or a month: the body of {@code /api/stats/recap}.
 *
 * @param from, to       the period's first and last local day (ISO dates)
 * @param soFar          the period is not over yet
 * @param busiestDay     the local day with the most listens (ties: the earliest), null without listens
 * @param busiestHour    the local hour 0–23 with the most listens (ties: the earliest), null without listens
 * @param busiestWeekday Monday…Sunday with the most listens, null without listens
 * @param firstListen    the period's first listen, null without listens
 * @param newArtistCount artists first heard in this period
 * @param newArtists     up to 10 of them, in the order they were found
 */
public record Recap(String username, String period, String timeZone, String from, String to, boolean soFar,
                    long listens, long minutesListened, long distinctTracks, long distinctArtists, long distinctAlbums,
                    List<TopTrack> topTracks, List<TopArtist> topArtists, List<TopAlbum> topAlbums,
                    List<Persona> personas, DayCount busiestDay, Integer busiestHour, String busiestWeekday,
                    FirstListen firstListen, long newArtistCount, List<NewArtist> newArtists) {

    /** @param at when it began (ISO instant) */
    public record FirstListen(String trackId, String title, String artist, String at) {
    }

    /** @param firstListened when it was first heard (ISO instant) */
    public record NewArtist(String id, String name, String firstListened) {
    }
}
