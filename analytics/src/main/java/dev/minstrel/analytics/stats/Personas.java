package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.stats.StatsReport.Persona;
import dev.minstrel.analytics.stats.StatsReport.TopArtist;
import dev.minstrel.analytics.stats.StatsReport.TopTrack;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Listening personas, each given by a fixed rule over the period's listens (thresholds documented
 * in docs/listening-stats.md). Below {@link #MINIMUM_LISTENS} listens none is given: a handful of
 * plays at 1 a.m. does not make a night owl.
 */
final class Personas {

    static final int MINIMUM_LISTENS = 20;
    /** "mostly": at least half of the listens in the time window */
    static final double MOSTLY = 0.5;
    static final double EXPLORER_ARTISTS_PER_LISTEN = 0.5;
    static final int LOYALIST_TOP_ARTISTS = 3;
    static final double LOYALIST_SHARE = 0.6;
    static final int ON_REPEAT_MINIMUM_PLAYS = 10;
    static final double ON_REPEAT_SHARE = 0.2;

    private Personas() {
    }

    /**
     * @param byHour     listens per local hour 0..23
     * @param byWeekday  listens per weekday, Monday first
     * @param topArtists most listened artists first
     * @param topTracks  most listened tracks first
     */
    static List<Persona> of(long listens, long[] byHour, long[] byWeekday, long distinctArtists,
                            List<TopArtist> topArtists, List<TopTrack> topTracks) {
        if (listens < MINIMUM_LISTENS) {
            return List.of();
        }
        List<Persona> personas = new ArrayList<>();
        long night = sum(byHour, 22, 24) + sum(byHour, 0, 4);
        if (night >= MOSTLY * listens) {
            personas.add(new Persona("night-owl", percent(night, listens) + " of listens were between 22:00 and 04:00"));
        }
        long morning = sum(byHour, 5, 9);
        if (morning >= MOSTLY * listens) {
            personas.add(new Persona("early-bird", percent(morning, listens) + " of listens were between 05:00 and 09:00"));
        }
        long weekend = byWeekday[5] + byWeekday[6];
        if (weekend >= MOSTLY * listens) {
            personas.add(new Persona("weekend-listener", percent(weekend, listens) + " of listens were on Saturdays and Sundays"));
        }
        if (distinctArtists >= EXPLORER_ARTISTS_PER_LISTEN * listens) {
            personas.add(new Persona("explorer", distinctArtists + " different artists in " + listens + " listens"));
        }
        List<TopArtist> favourites = topArtists.stream().limit(LOYALIST_TOP_ARTISTS).toList();
        long favouriteListens = favourites.stream().mapToLong(TopArtist::listens).sum();
        if (favouriteListens >= LOYALIST_SHARE * listens) {
            personas.add(new Persona("loyalist", percent(favouriteListens, listens) + " of listens were by "
                    + favourites.stream().map(TopArtist::name).collect(Collectors.joining(", "))));
        }
        if (!topTracks.isEmpty()) {
            TopTrack top = topTracks.get(0);
            if (top.listens() >= ON_REPEAT_MINIMUM_PLAYS && top.listens() >= ON_REPEAT_SHARE * listens) {
                personas.add(new Persona("on-repeat", "\"" + top.title() + "\" was played " + top.listens()
                        + " times, " + percent(top.listens(), listens) + " of listens"));
            }
        }
        return List.copyOf(personas);
    }

    private static long sum(long[] counts, int from, int to) {
        long total = 0;
        for (int i = from; i < to; i++) {
            total += counts[i];
        }
        return total;
    }

    private static String percent(long part, long whole) {
        return Math.round(100.0 * part / whole) + "%";
    }
}
