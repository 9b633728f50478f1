package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.OneConnection;
import dev.minstrel.analytics.listen.ListenerProfiles;
import dev.minstrel.analytics.stats.StatsReport.DayCount;
import dev.minstrel.analytics.stats.StatsReport.TopAlbum;
import dev.minstrel.analytics.stats.StatsReport.TopArtist;
import dev.minstrel.analytics.stats.StatsReport.TopGenre;
import dev.minstrel.analytics.stats.StatsReport.TopTrack;
import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * Listening stats from the roll-up tables: every figure is one indexed read of pre-aggregated rows
 * (a total, a top-10 by listens or by time played, at most 168 heat-map cells, the list of days with listens), so the
 * cost does not grow with the number of listens. Names come from the current catalogue; tracks,
 * albums and artists that have left the library keep the names they had when last listened to.
 */
public final class ListeningStats {

    static final int TOP = 10;
    /** Days in the listens-per-day series. */
    static final int DAYS = 30;
    private static final String SERVER = "*";

    private final DatabaseClient db;
    private final ListenerProfiles profiles;
    private final Supplier<Catalogue> catalogue;
    private final Clock clock;

    public ListeningStats(DatabaseClient db, ListenerProfiles profiles, Supplier<Catalogue> catalogue, Clock clock) {
        this.db = db;
        this.profiles = profiles;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** One user's stats, in their own time zone. */
    public Mono<StatsReport> forUser(String userId, String username, Period period) {
        return profiles.zoneOf(userId).flatMap(zone ->
                Mono.fromCallable(() -> OneConnection.run(db.getConnectionFactory(), false,
                                one -> report(one, "user", userId, username, zone, period.key(), period.parameter(),
                                period.firstDay(LocalDate.now(clock.withZone(zone))))))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * Everyone's listens together. Each listen keeps its own listener's local day and hour; the
     * period and today are those of the server's time zone.
     */
    public Mono<StatsReport> forServer(Period period) {
        return Mono.fromCallable(() -> OneConnection.run(db.getConnectionFactory(), false,
                        one -> report(one, "server", SERVER, null, profiles.serverZone(), period.key(),
                                period.parameter(), period.firstDay(LocalDate.now(clock.withZone(profiles.serverZone()))))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * A user's recap of one calendar year ({@code 2026}) or month ({@code 2026-03}) in their zone;
     * empty when {@code period} is neither. The current one is the recap so far.
     */
    public Mono<Recap> recap(String userId, String username, String period) {
        Optional<RecapPeriod> parsed = RecapPeriod.parse(period);
        if (parsed.isEmpty()) {
            return Mono.empty();
        }
        return profiles.zoneOf(userId).flatMap(zone ->
                Mono.fromCallable(() -> OneConnection.run(db.getConnectionFactory(), false, one -> {
                            RecapPeriod recap = parsed.get();
                            StatsReport report = report(one, "user", userId, username, zone, recap.key(), period,
                                    recap.first());
                            return Recaps.of(one, report, userId, zone, recap, LocalDate.now(clock.withZone(zone)),
                                    catalogue.get());
                        }))
                        .subscribeOn(Schedulers.boundedElastic()));
    }

    /**
     * @param periodKey  the roll-ups' period column
     * @param firstDay   the period's first local day, null for all time
     */
    private StatsReport report(DatabaseClient db, String kind, String scope, String username, ZoneId zone,
                               String periodKey, String periodParameter, LocalDate firstDay) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Slice slice = new Slice(scope, periodKey, firstDay == null ? 0 : (int) firstDay.toEpochDay());
        long[] total = db.sql("SELECT listens, seconds_played FROM listen_total " + slice.where())
                .bindValues(slice.params())
                .map(row -> new long[]{row.get("listens", Long.class), row.get("seconds_played", Long.class)})
                .one().blockOptional().orElse(new long[2]);
        Map<String, Long> distinct = new HashMap<>();
        db.sql("SELECT kind, COUNT(*) AS n FROM listen_item " + slice.where() + " GROUP BY kind")
                .bindValues(slice.params())
                .map(row -> Map.entry(row.get("kind", String.class), row.get("n", Long.class)))
                .all().toStream().forEach(e -> distinct.put(e.getKey(), e.getValue()));
        long[][] heat = new long[7][24];
        db.sql("SELECT weekday, hour_of_day, listens FROM listen_heat " + slice.where())
                .bindValues(slice.params())
                .map(row -> new long[]{row.get("weekday", Integer.class), row.get("hour_of_day", Integer.class),
                        row.get("listens", Long.class)})
                .all().toStream().forEach(cell -> heat[(int) cell[0] - 1][(int) cell[1]] += cell[2]);
        long[] byHour = new long[24];
        long[] byWeekday = new long[7];
        for (int day = 0; day < 7; day++) {
            for (int hour = 0; hour < 24; hour++) {
                byHour[hour] += heat[day][hour];
                byWeekday[day] += heat[day][hour];
            }
        }
        Map<Long, Counts> byDay = new TreeMap<>();
        db.sql("SELECT local_day, listens, seconds_played FROM listen_day WHERE scope = :scope AND listens > 0 "
                        + "ORDER BY local_day")
                .bind("scope", scope)
                .map(row -> Map.entry(row.get("local_day", Integer.class).longValue(),
                        new Counts(row.get("listens", Long.class), row.get("seconds_played", Long.class))))
                .all().toStream().forEach(e -> byDay.put(e.getKey(), e.getValue()));
        Streaks streaks = Streaks.of(List.copyOf(byDay.keySet()), today.toEpochDay());

        Names names = new Names(db, catalogue.get());
        List<TopTrack> topTracks = top(db, slice, "track", BY_LISTENS).stream().map(names::track).toList();
        List<TopArtist> topArtists = top(db, slice, "artist", BY_LISTENS).stream().map(names::artist).toList();
        List<TopAlbum> topAlbums = top(db, slice, "album", BY_LISTENS).stream().map(names::album).toList();
        List<TopGenre> topGenres = top(db, slice, "genre", BY_LISTENS).stream()
                .map(item -> new TopGenre(item.id(), item.listens(), item.minutes())).toList();
        long distinctArtists = distinct.getOrDefault("artist", 0L);
        return new StatsReport(kind, username, periodParameter, zone.getId(),
                firstDay == null ? null : firstDay.toString(), total[0], total[1] / 60,
                distinct.getOrDefault("track", 0L), distinctArtists, distinct.getOrDefault("album", 0L),
                topTracks, topArtists, topAlbums, topGenres, boxed(byHour), boxed(byWeekday),
                Arrays.stream(heat).map(ListeningStats::boxed).toList(), streaks.current(), streaks.longest(),
                Personas.of(total[0], byHour, byWeekday, distinctArtists, topArtists, topTracks),
                lastDays(byDay, today), weeksThisYear(byDay, today),
                top(db, slice, "track", BY_TIME).stream().map(names::track).toList(),
                top(db, slice, "artist", BY_TIME).stream().map(names::artist).toList());
    }

    /** Listens and seconds played. */
    record Counts(long listens, long seconds) {
        static final Counts NONE = new Counts(0, 0);

        Counts plus(Counts other) {
            return new Counts(listens + other.listens, seconds + other.seconds);
        }
    }

    /** A roll-up row: an item with its listens and whole minutes played. */
    record Item(String id, long listens, long minutes) {
    }

    /** Listens and minutes on each of the last 30 local days, today last, days without listens included. */
    static List<DayCount> lastDays(Map<Long, Counts> byDay, LocalDate today) {
        List<DayCount> days = new ArrayList<>();
        for (LocalDate day = today.minusDays(DAYS - 1L); !day.isAfter(today); day = day.plusDays(1)) {
            days.add(dayCount(day, byDay.getOrDefault(day.toEpochDay(), Counts.NONE)));
        }
        return days;
    }

    private static DayCount dayCount(LocalDate day, Counts counts) {
        return new DayCount(day.toString(), counts.listens(), counts.seconds() / 60);
    }

    /** Listens in each ISO week (from Monday) of this local year up to this week; a week begun last year counts from January 1st. */
    static List<DayCount> weeksThisYear(Map<Long, Counts> byDay, LocalDate today) {
        List<DayCount> weeks = new ArrayList<>();
        LocalDate first = today.withDayOfYear(1);
        LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate week = monday; !week.isAfter(today); week = week.plusWeeks(1)) {
            Counts counts = Counts.NONE;
            for (LocalDate day = week.isBefore(first) ? first : week; day.isBefore(week.plusWeeks(1)) && !day.isAfter(today);
                 day = day.plusDays(1)) {
                counts = counts.plus(byDay.getOrDefault(day.toEpochDay(), Counts.NONE));
            }
            weeks.add(dayCount(week, counts));
        }
        return weeks;
    }

    private static final String BY_LISTENS = "listens DESC, last_started DESC, item";
    private static final String BY_TIME = "seconds_played DESC, last_started DESC, item";

    private static List<Item> top(DatabaseClient db, Slice slice, String kind, String order) {
        Map<String, Object> params = new HashMap<>(slice.params());
        params.put("kind", kind);
        return db.sql("SELECT item, listens, seconds_played FROM listen_item " + slice.where() + " AND kind = :kind "
                        + "ORDER BY " + order + " LIMIT " + TOP)
                .bindValues(params)
                .map(row -> new Item(row.get("item", String.class), row.get("listens", Long.class),
                        row.get("seconds_played", Long.class) / 60))
                .all().collectList().block();
    }

    private static List<Long> boxed(long[] counts) {
        return LongStream.of(counts).boxed().toList();
    }

    record Slice(String scope, String period, int start) {
        String where() {
            return "WHERE scope = :scope AND period = :period AND period_start = :start";
        }

        Map<String, Object> params() {
            return Map.of("scope", scope, "period", period, "start", start);
        }
    }

    /** Display names: from the catalogue, else as stored when the item was last listened to. */
    static final class Names {
        private final DatabaseClient db;
        private final Catalogue current;

        Names(DatabaseClient db, Catalogue current) {
            this.db = db;
            this.current = current;
        }

        TopTrack track(Item item) {
            String id = item.id();
            Optional<Track> track = current.track(id);
            if (track.isPresent()) {
                return new TopTrack(id, track.get().title(), track.get().artist(), track.get().album(), item.listens(),
                        item.minutes());
            }
            String[] stored = stored("SELECT title, artist, album FROM listened_track WHERE track_id = :id", id, 3);
            return new TopTrack(id, stored[0] != null ? stored[0] : id, stored[1], stored[2], item.listens(),
                    item.minutes());
        }

        TopArtist artist(Item item) {
            String id = item.id();
            Optional<Artist> artist = current.artist(id);
            if (artist.isPresent()) {
                return new TopArtist(id, artist.get().name(), item.listens(), item.minutes());
            }
            String[] stored = stored("SELECT MAX(artist) AS artist FROM listened_track WHERE artist_id = :id", id, 1);
            return new TopArtist(id, stored[0] != null ? stored[0] : id, item.listens(), item.minutes());
        }

        TopAlbum album(Item item) {
            String id = item.id();
            Optional<Album> album = current.album(id);
            if (album.isPresent()) {
                return new TopAlbum(id, album.get().name(), album.get().artist(), item.listens(), item.minutes());
            }
            String[] stored = stored("SELECT MAX(album) AS album, MAX(artist) AS artist FROM listened_track "
                    + "WHERE album_id = :id", id, 2);
            return new TopAlbum(id, stored[0] != null ? stored[0] : id, stored[1], item.listens(), item.minutes());
        }

        private String[] stored(String sql, String id, int columns) {
            return db.sql(sql).bind("id", id)
                    .map(row -> {
                        String[] values = new String[columns];
                        for (int i = 0; i < columns; i++) {
                            values[i] = row.get(i, String.class);
                        }
                        return values;
                    })
                    .all().next().blockOptional().orElse(new String[columns]);
        }
    }
}
