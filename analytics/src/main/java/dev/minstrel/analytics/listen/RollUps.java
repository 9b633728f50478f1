package dev.minstrel.analytics.listen;

import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The roll-up tables (listen_total, listen_item, listen_heat, listen_day), kept in step with the
 * listen table: added to on every listen, rebuilt from it after a time zone change or a bulk import.
 * Each listen is rolled up for its user and for the server ({@value #SERVER}), for all time and for
 * its local week, month and year. Callers hold the {@link ListenStore}'s write transaction.
 */
final class RollUps {

    static final String SERVER = "*";
    static final List<String> PERIODS = List.of("a", "y", "m", "w");
    private static final List<String[]> KINDS = List.of(
            new String[]{"track", "track_id"}, new String[]{"album", "album_id"},
            new String[]{"artist", "artist_id"}, new String[]{"genre", "genre"});
    private static final String MS_PER_DAY = "86400000";

    private RollUps() {
    }

    /** Adds {@code listens} listens and {@code seconds} seconds of one listen to every roll-up it belongs to. */
    static void add(DatabaseClient db, Listen listen, LocalPlacement at, int listens, long seconds) {
        for (String scope : List.of(listen.userId(), SERVER)) {
            for (String period : PERIODS) {
                long start = at.start(period);
                upsert(db, "UPDATE listen_total SET listens = listens + :n, seconds_played = seconds_played + :s "
                                + "WHERE scope = :scope AND period = :period AND period_start = :start",
                        "INSERT INTO listen_total (scope, period, period_start, listens, seconds_played) "
                                + "VALUES (:scope, :period, :start, :n, :s)",
                        new Object[][]{{"scope", scope}, {"period", period}, {"start", (int) start},
                                {"n", (long) listens}, {"s", seconds}});
                String[] items = {listen.trackId(), listen.albumId(), listen.artistId(), listen.genre()};
                for (int k = 0; k < KINDS.size(); k++) {
                    if (items[k] == null) {
                        continue;
                    }
                    long started = listen.startedAt().toEpochMilli();
                    upsert(db, "UPDATE listen_item SET listens = listens + :n, seconds_played = seconds_played + :s, "
                                    + "last_started = CASE WHEN last_started < :t THEN :t ELSE last_started END "
                                    + "WHERE scope = :scope AND period = :period AND period_start = :start "
                                    + "AND kind = :kind AND item = :item",
                            "INSERT INTO listen_item (scope, period, period_start, kind, item, listens, "
                                    + "seconds_played, last_started) VALUES (:scope, :period, :start, :kind, :item, "
                                    + ":n, :s, :t)",
                            new Object[][]{{"scope", scope}, {"period", period}, {"start", (int) start},
                                    {"kind", KINDS.get(k)[0]}, {"item", items[k]}, {"n", (long) listens},
                                    {"s", seconds}, {"t", started}});
                }
                if (listens != 0) {
                    upsert(db, "UPDATE listen_heat SET listens = listens + :n WHERE scope = :scope AND period = :period "
                                    + "AND period_start = :start AND weekday = :wd AND hour_of_day = :h",
                            "INSERT INTO listen_heat (scope, period, period_start, weekday, hour_of_day, listens) "
                                    + "VALUES (:scope, :period, :start, :wd, :h, :n)",
                            new Object[][]{{"scope", scope}, {"period", period}, {"start", (int) start},
                                    {"wd", at.weekday()}, {"h", at.hour()}, {"n", (long) listens}});
                }
            }
            upsert(db, "UPDATE listen_day SET listens = listens + :n, seconds_played = seconds_played + :s "
                            + "WHERE scope = :scope AND local_day = :d",
                    "INSERT INTO listen_day (scope, local_day, listens, seconds_played) VALUES (:scope, :d, :n, :s)",
                    new Object[][]{{"scope", scope}, {"d", (int) at.day()}, {"n", (long) listens}, {"s", seconds}});
        }
    }

    private static void upsert(DatabaseClient db, String update, String insert, Object[][] params) {
        Long updated = bind(db.sql(update), params).fetch().rowsUpdated().block();
        if (updated == null || updated == 0) {
            bind(db.sql(insert), params).fetch().rowsUpdated().block();
        }
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, Object[][] params) {
        for (Object[] param : params) {
            spec = spec.bind((String) param[0], param[1]);
        }
        return spec;
    }

    /** Rebuilds one user's roll-ups from their listens. */
    static void rebuildUser(DatabaseClient db, String userId) {
        rebuild(db, "scope = :u", "user_id", "WHERE user_id = :u", userId);
    }

    /** Rebuilds the roll-ups of every user and of the server: after a bulk import. */
    static void rebuildAll(DatabaseClient db) {
        rebuild(db, "scope <> '" + SERVER + "'", "user_id", "", null);
        rebuildServer(db);
    }

    static void rebuildServer(DatabaseClient db) {
        rebuild(db, "scope = '" + SERVER + "'", null, "", null);
    }

    /**
     * @param scopeColumn user_id to roll up per user, null for the server as a whole
     * @param filter      a WHERE clause on the listen table, or empty
     */
    private static void rebuild(DatabaseClient db, String scopeCondition, String scopeColumn, String filter, String userId) {
        for (String table : List.of("listen_total", "listen_item", "listen_heat", "listen_day")) {
            run(db, "DELETE FROM " + table + " WHERE " + scopeCondition, userId);
        }
        String scope = scopeColumn != null ? scopeColumn : "'" + SERVER + "'";
        for (String period : PERIODS) {
            String start = switch (period) {
                case "w" -> "week_start";
                case "m" -> "month_start";
                case "y" -> "year_start";
                default -> null;
            };
            String select = scope + ", '" + period + "', " + (start == null ? "0" : start);
            run(db, "INSERT INTO listen_total (scope, period, period_start, listens, seconds_played) SELECT "
                    + select + ", COUNT(*), SUM(seconds_played) FROM listen " + filter
                    + groupBy(scopeColumn, start), userId);
            for (String[] kind : KINDS) {
                String where = (filter.isEmpty() ? "WHERE " : filter + " AND ") + kind[1] + " IS NOT NULL";
                run(db, "INSERT INTO listen_item (scope, period, period_start, kind, item, listens, seconds_played, "
                        + "last_started) SELECT " + select + ", '" + kind[0] + "', " + kind[1]
                        + ", COUNT(*), SUM(seconds_played), MAX(started_at) FROM listen " + where
                        + groupBy(scopeColumn, start, kind[1]), userId);
            }
            run(db, "INSERT INTO listen_heat (scope, period, period_start, weekday, hour_of_day, listens) SELECT "
                    + select + ", weekday, local_hour, COUNT(*) FROM listen " + filter
                    + groupBy(scopeColumn, start, "weekday", "local_hour"), userId);
        }
        run(db, "INSERT INTO listen_day (scope, local_day, listens, seconds_played) SELECT " + scope
                + ", local_day, COUNT(*), SUM(seconds_played) FROM listen "
                + filter + groupBy(scopeColumn, "local_day"), userId);
    }

    /** GROUP BY the non-null columns; without any, one row over everything, but none for no listens */
    private static String groupBy(String... columns) {
        List<String> present = new ArrayList<>();
        for (String column : columns) {
            if (column != null) {
                present.add(column);
            }
        }
        return present.isEmpty() ? " HAVING COUNT(*) > 0" : " GROUP BY " + String.join(", ", present);
    }

    private static void run(DatabaseClient db, String sql, String userId) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        if (userId != null) {
            spec = spec.bind("u", userId);
        }
        spec.fetch().rowsUpdated().block();
    }

    /**
     * Recomputes the local columns of one user's listens for a new time zone. Within a stretch of
     * time that has one UTC offset and lies in one local month, the local day, hour, weekday and week
     * are plain arithmetic on started_at, so each stretch is one UPDATE (a few per month of history).
     */
    static void relocate(DatabaseClient db, String userId, ZoneId zone) {
        long[] bounds = db.sql("SELECT MIN(started_at) AS first_at, MAX(started_at) AS last_at FROM listen WHERE user_id = :u")
                .bind("u", userId)
                .map(row -> new long[]{row.get("first_at", Long.class) == null ? -1 : row.get("first_at", Long.class),
                        row.get("last_at", Long.class) == null ? -1 : row.get("last_at", Long.class)})
                .one().block();
        if (bounds == null || bounds[0] < 0) {
            return;
        }
        ZoneRules rules = zone.getRules();
        Instant cursor = Instant.ofEpochMilli(bounds[0]);
        Instant end = Instant.ofEpochMilli(bounds[1] + 1);
        while (cursor.isBefore(end)) {
            LocalDate date = cursor.atZone(zone).toLocalDate();
            Instant stretchEnd = date.withDayOfMonth(1).plusMonths(1).atStartOfDay(zone).toInstant();
            ZoneOffsetTransition transition = rules.nextTransition(cursor);
            if (transition != null && transition.getInstant().isBefore(stretchEnd)) {
                stretchEnd = transition.getInstant();
            }
            if (stretchEnd.isAfter(end)) {
                stretchEnd = end;
            }
            long offset = rules.getOffset(cursor).getTotalSeconds() * 1000L;
            String local = "(started_at + :o)";
            String day = local + " / " + MS_PER_DAY;
            db.sql("UPDATE listen SET local_day = " + day + ", local_hour = MOD(" + local + " / 3600000, 24), "
                            + "weekday = MOD(" + day + " + 3, 7) + 1, week_start = " + day + " - MOD(" + day + " + 3, 7), "
                            + "month_start = :m, year_start = :y "
                            + "WHERE user_id = :u AND started_at >= :from AND started_at < :to")
                    .bind("o", offset)
                    .bind("m", (int) date.withDayOfMonth(1).toEpochDay())
                    .bind("y", (int) date.withDayOfYear(1).toEpochDay())
                    .bind("u", userId)
                    .bind("from", cursor.toEpochMilli())
                    .bind("to", stretchEnd.toEpochMilli())
                    .fetch().rowsUpdated().block();
            cursor = stretchEnd;
        }
    }
}
