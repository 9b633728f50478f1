package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.stats.Recap.FirstListen;
import dev.minstrel.analytics.stats.Recap.NewArtist;
import dev.minstrel.analytics.stats.StatsReport.DayCount;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What a recap adds to a period's stats: the busiest day and hour, the first listen, the artists found. */
final class Recaps {

    static final int NEW_ARTISTS_SHOWN = 10;

    private Recaps() {
    }

    static Recap of(DatabaseClient db, StatsReport report, String userId, ZoneId zone, RecapPeriod period,
                    LocalDate today, Catalogue library) {
        long from = period.first().atStartOfDay(zone).toInstant().toEpochMilli();
        long to = period.end().atStartOfDay(zone).toInstant().toEpochMilli();
        DayCount busiestDay = db.sql("SELECT local_day, listens, seconds_played FROM listen_day WHERE scope = :u "
                        + "AND local_day >= :first AND local_day < :end AND listens > 0 "
                        + "ORDER BY listens DESC, local_day LIMIT 1")
                .bind("u", userId).bind("first", (int) period.first().toEpochDay()).bind("end", (int) period.end().toEpochDay())
                .map(row -> new DayCount(LocalDate.ofEpochDay(row.get("local_day", Integer.class)).toString(),
                        row.get("listens", Long.class), row.get("seconds_played", Long.class) / 60))
                .one().block();
        Integer busiestHour = busiest(report.listensByHour());
        Integer weekday = busiest(report.listensByWeekday());
        FirstListen first = db.sql("SELECT track_id, started_at FROM listen WHERE user_id = :u AND started_at >= :from "
                        + "AND started_at < :to ORDER BY started_at, id LIMIT 1")
                .bind("u", userId).bind("from", from).bind("to", to)
                .map(row -> Map.entry(row.get("track_id", String.class), row.get("started_at", Long.class)))
                .one().blockOptional()
                .map(e -> firstListen(db, library, e.getKey(), e.getValue())).orElse(null);
        List<Map.Entry<String, Long>> found = db.sql("SELECT artist_id, MIN(started_at) AS first_at FROM listen "
                        + "WHERE user_id = :u AND artist_id IS NOT NULL GROUP BY artist_id "
                        + "HAVING MIN(started_at) >= :from AND MIN(started_at) < :to ORDER BY first_at, artist_id")
                .bind("u", userId).bind("from", from).bind("to", to)
                .map(row -> Map.entry(row.get("artist_id", String.class), row.get("first_at", Long.class)))
                .all().collectList().block();
        List<NewArtist> newArtists = found.stream().limit(NEW_ARTISTS_SHOWN)
                .map(e -> new NewArtist(e.getKey(), artistName(db, library, e.getKey()),
                        Instant.ofEpochMilli(e.getValue()).toString()))
                .toList();
        return new Recap(report.username(), report.period(), zone.getId(), period.first().toString(),
                period.end().minusDays(1).toString(), !today.isBefore(period.first()) && today.isBefore(period.end()),
                report.listens(), report.minutesListened(), report.distinctTracks(), report.distinctArtists(),
                report.distinctAlbums(), report.topTracks(), report.topArtists(), report.topAlbums(), report.personas(),
                busiestDay, busiestHour,
                weekday == null ? null : DayOfWeek.of(weekday + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                first, found.size(), newArtists);
    }

    /** The index of the largest count (the first of equal ones), null when all are 0. */
    private static Integer busiest(List<Long> counts) {
        Integer best = null;
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i) > 0 && (best == null || counts.get(i) > counts.get(best))) {
                best = i;
            }
        }
        return best;
    }

    private static FirstListen firstListen(DatabaseClient db, Catalogue library, String trackId, long at) {
        Optional<Track> track = library.track(trackId);
        String[] names = track.map(t -> new String[]{t.title(), t.artist()}).orElseGet(() ->
                db.sql("SELECT title, artist FROM listened_track WHERE track_id = :id").bind("id", trackId)
                        .map(row -> new String[]{row.get("title", String.class), row.get("artist", String.class)})
                        .one().blockOptional().orElse(new String[]{trackId, null}));
        return new FirstListen(trackId, names[0], names[1], Instant.ofEpochMilli(at).toString());
    }

    private static String artistName(DatabaseClient db, Catalogue library, String artistId) {
        return library.artist(artistId).map(Artist::name).orElseGet(() ->
                db.sql("SELECT MAX(artist) AS artist FROM listened_track WHERE artist_id = :id").bind("id", artistId)
                        .map(row -> Optional.ofNullable(row.get("artist", String.class))).one().block()
                        .orElse(artistId));
    }
}
