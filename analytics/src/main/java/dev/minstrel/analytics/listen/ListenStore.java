package dev.minstrel.analytics.listen;

import dev.minstrel.analytics.OneConnection;
import dev.minstrel.library.catalogue.Track;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The listen table and its roll-ups. Every write goes through {@link #exclusively}, one at a time:
 * the same-play check and the insert must not interleave (a client sending the same offline
 * scrobble twice at once), and listens are rare enough (one per track per user) that one writer
 * is plenty. Writes block on the H2 driver anyway, so they run on the bounded elastic scheduler.
 */
public final class ListenStore {

    /** Imported listens per INSERT statement. */
    private static final int IMPORT_BATCH = 500;

    private static final String COLUMNS = "id, user_id, track_id, album_id, artist_id, genre, started_at, "
            + "seconds_played, client, source";

    private final ConnectionFactory connections;
    private final Object writeLock = new Object();

    public ListenStore(DatabaseClient db) {
        this.connections = db.getConnectionFactory();
    }

    /** Rebuilds every roll-up from the listen table, after listens were inserted in bulk. */
    public Mono<Void> rebuildRollUps() {
        return exclusively(tx -> {
            RollUps.rebuildAll(tx);
            return null;
        });
    }

    /**
     * Forgets a user's listening history (the owner deleted the account and asked for it): their
     * listens, roll-ups and time zone go, and the server's roll-ups are rebuilt without them. Names
     * of tracks in {@code listened_track} stay: other listeners may have heard them.
     */
    public Mono<Void> deleteUser(String userId) {
        return exclusively(tx -> {
            for (String table : List.of("listen_total", "listen_item", "listen_heat", "listen_day")) {
                tx.sql("DELETE FROM " + table + " WHERE scope = :u").bind("u", userId).fetch().rowsUpdated().block();
            }
            tx.sql("DELETE FROM listener_profile WHERE user_id = :u").bind("u", userId).fetch().rowsUpdated().block();
            tx.sql("DELETE FROM reported_play WHERE user_id = :u").bind("u", userId).fetch().rowsUpdated().block();
            Long deleted = tx.sql("DELETE FROM listen WHERE user_id = :u").bind("u", userId).fetch().rowsUpdated().block();
            if (deleted != null && deleted > 0) {
                RollUps.rebuildServer(tx);
            }
            return null;
        });
    }

    /**
     * Runs {@code work} alone, in one transaction on one connection (a listen and its roll-ups are
     * stored together or not at all), blocking on a bounded elastic thread.
     */
    <T> Mono<T> exclusively(Function<DatabaseClient, T> work) {
        return Mono.fromCallable(() -> {
            synchronized (writeLock) {
                return OneConnection.run(connections, true, work);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** A listen of the same track by the same user that started within {@code window} of {@code startedAt}. */
    static Optional<Listen> samePlay(DatabaseClient db, String userId, String trackId, Instant startedAt, Duration window) {
        return Optional.ofNullable(db.sql("SELECT " + COLUMNS + " FROM listen WHERE user_id = :u AND track_id = :t "
                        + "AND started_at > :from AND started_at < :to ORDER BY started_at")
                .bind("u", userId)
                .bind("t", trackId)
                .bind("from", startedAt.minus(window).toEpochMilli())
                .bind("to", startedAt.plus(window).toEpochMilli())
                .map(ListenStore::listen).all().next().block());
    }

    /**
     * Keeps a submission the rules did not count as a reported play, unless the same play (within
     * {@code window} of {@code startedAt}) is reported already; returns it when it is new.
     */
    static Play report(DatabaseClient db, Track track, String userId, Instant startedAt, Duration window) {
        Long known = db.sql("SELECT COUNT(*) AS n FROM reported_play WHERE user_id = :u AND track_id = :t "
                        + "AND started_at > :from AND started_at < :to")
                .bind("u", userId).bind("t", track.id())
                .bind("from", startedAt.minus(window).toEpochMilli()).bind("to", startedAt.plus(window).toEpochMilli())
                .map(row -> row.get("n", Long.class)).one().block();
        if (known != null && known > 0) {
            return null;
        }
        db.sql("INSERT INTO reported_play (user_id, track_id, album_id, started_at) VALUES (:u, :t, :al, :started)")
                .bind("u", userId).bind("t", track.id())
                .bind("al", Parameter.fromOrEmpty(track.albumId(), String.class))
                .bind("started", startedAt.toEpochMilli())
                .fetch().rowsUpdated().block();
        return new Play(userId, track.id(), track.albumId(), startedAt);
    }

    /** Drops the reported play of this play, which became a listen; true when there was one. */
    static boolean unreport(DatabaseClient db, String userId, String trackId, Instant startedAt, Duration window) {
        Long deleted = db.sql("DELETE FROM reported_play WHERE user_id = :u AND track_id = :t "
                        + "AND started_at > :from AND started_at < :to")
                .bind("u", userId).bind("t", trackId)
                .bind("from", startedAt.minus(window).toEpochMilli()).bind("to", startedAt.plus(window).toEpochMilli())
                .fetch().rowsUpdated().block();
        return deleted != null && deleted > 0;
    }

    static Listen insert(DatabaseClient db, Track track, String userId, Instant startedAt, int seconds, String client, Listen.Source source,
                  Instant recordedAt, ZoneId zone) {
        ListenedTrack listened = ListenedTrack.of(track);
        LocalPlacement at = LocalPlacement.of(startedAt, zone);
        Listen listen = insertRow(db, listened, userId, startedAt, seconds, client, source, recordedAt, at);
        rememberNames(db, listened);
        RollUps.add(db, listen, at, 1, seconds);
        return listen;
    }

    /** Inserts a listen row alone (no names, no roll-ups). */
    private static Listen insertRow(DatabaseClient db, ListenedTrack track, String userId, Instant startedAt, int seconds,
                                    String client, Listen.Source source, Instant recordedAt, LocalPlacement at) {
        Long id = db.sql("INSERT INTO listen (user_id, track_id, album_id, artist_id, genre, started_at, seconds_played, "
                        + "client, source, recorded_at, local_day, local_hour, weekday, week_start, month_start, year_start) "
                        + "VALUES (:u, :t, :al, :ar, :g, :started, :seconds, :client, :source, :recorded, :day, :hour, "
                        + ":weekday, :week, :month, :year)")
                .bind("u", userId)
                .bind("t", track.id())
                .bind("al", Parameter.fromOrEmpty(track.albumId(), String.class))
                .bind("ar", Parameter.fromOrEmpty(track.artistId(), String.class))
                .bind("g", Parameter.fromOrEmpty(track.genre(), String.class))
                .bind("started", startedAt.toEpochMilli())
                .bind("seconds", seconds)
                .bind("client", Parameter.fromOrEmpty(client, String.class))
                .bind("source", source.key())
                .bind("recorded", recordedAt.toEpochMilli())
                .bind("day", (int) at.day())
                .bind("hour", at.hour())
                .bind("weekday", at.weekday())
                .bind("week", (int) at.weekStart())
                .bind("month", (int) at.monthStart())
                .bind("year", (int) at.yearStart())
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> row.get("id", Long.class)).one().block();
        return new Listen(id == null ? 0 : id, userId, track.id(), track.albumId(), track.artistId(),
                track.genre(), startedAt, seconds, client, source);
    }

    /**
     * Stores listens brought from elsewhere (an export file), leaving out those that are the same
     * play as one already stored or earlier in {@code plays}, in one transaction with the names of
     * their tracks; then rebuilds the user's roll-ups and the server's from the listen table.
     *
     * @return the plays stored, in the order given
     */
    public Mono<List<ImportedPlay>> addImported(String userId, List<ImportedPlay> plays, ListenRules rules,
                                                ListenerProfiles profiles, Instant now) {
        return exclusively(tx -> {
            Map<String, TreeSet<Long>> known = new HashMap<>();
            tx.sql("SELECT track_id, started_at FROM listen WHERE user_id = :u").bind("u", userId)
                    .map(row -> Map.entry(row.get("track_id", String.class), row.get("started_at", Long.class)))
                    .all().toIterable()
                    .forEach(e -> known.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue()));
            ZoneId zone = profiles.storedZone(tx, userId);
            Map<String, ListenedTrack> named = new LinkedHashMap<>();
            List<ImportedPlay> stored = new ArrayList<>();
            for (ImportedPlay play : plays) {
                long window = rules.samePlayWindow(play.track().durationSeconds()).toMillis();
                long start = play.startedAt().toEpochMilli();
                TreeSet<Long> starts = known.computeIfAbsent(play.track().id(), k -> new TreeSet<>());
                Long before = starts.floor(start);
                Long after = starts.ceiling(start);
                if ((before != null && start - before < window) || (after != null && after - start < window)) {
                    continue;
                }
                starts.add(start);
                named.putIfAbsent(play.track().id(), play.track());
                stored.add(play);
            }
            for (int from = 0; from < stored.size(); from += IMPORT_BATCH) {
                insertBatch(tx, userId, stored.subList(from, Math.min(stored.size(), from + IMPORT_BATCH)), now, zone);
            }
            named.values().forEach(track -> rememberNames(tx, track));
            if (!stored.isEmpty()) {
                RollUps.rebuildUser(tx, userId);
                RollUps.rebuildServer(tx);
            }
            return stored;
        });
    }

    /**
     * Inserts imported listens as one batch of one statement ({@code $n} markers, which H2 and
     * PostgreSQL both take): a round trip per listen would make a large import take minutes.
     */
    private static void insertBatch(DatabaseClient db, String userId, List<ImportedPlay> plays, Instant recordedAt,
                                    ZoneId zone) {
        db.inConnection(connection -> {
            Statement insert = connection.createStatement("INSERT INTO listen (user_id, track_id, album_id, artist_id, "
                    + "genre, started_at, seconds_played, client, source, recorded_at, local_day, local_hour, weekday, "
                    + "week_start, month_start, year_start) "
                    + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)");
            for (int i = 0; i < plays.size(); i++) {
                if (i > 0) {
                    insert.add();
                }
                ImportedPlay play = plays.get(i);
                LocalPlacement at = LocalPlacement.of(play.startedAt(), zone);
                Object[] values = {userId, play.track().id(), play.track().albumId(), play.track().artistId(),
                        play.track().genre(), play.startedAt().toEpochMilli(), play.seconds(), play.client(),
                        Listen.Source.IMPORT.key(), recordedAt.toEpochMilli(), (int) at.day(), at.hour(), at.weekday(),
                        (int) at.weekStart(), (int) at.monthStart(), (int) at.yearStart()};
                for (int k = 0; k < values.length; k++) {
                    if (values[k] == null) {
                        insert.bindNull(k, String.class);
                    } else {
                        insert.bind(k, values[k]);
                    }
                }
            }
            return Flux.from(insert.execute()).flatMap(Result::getRowsUpdated).then();
        }).block();
    }

    /** Sets a stored listen's length to what the now-playing timeline showed. */
    static Listen shorten(DatabaseClient db, Listen listen, int seconds) {
        db.sql("UPDATE listen SET seconds_played = :s WHERE id = :id")
                .bind("s", seconds).bind("id", listen.id())
                .fetch().rowsUpdated().block();
        LocalPlacement at = db.sql("SELECT local_day, local_hour, weekday, week_start, month_start, year_start "
                        + "FROM listen WHERE id = :id")
                .bind("id", listen.id())
                .map(row -> new LocalPlacement(row.get("local_day", Integer.class), row.get("local_hour", Integer.class),
                        row.get("weekday", Integer.class), row.get("week_start", Integer.class),
                        row.get("month_start", Integer.class), row.get("year_start", Integer.class)))
                .one().block();
        RollUps.add(db, listen, at, 0, (long) seconds - listen.secondsPlayed());
        return new Listen(listen.id(), listen.userId(), listen.trackId(), listen.albumId(), listen.artistId(),
                listen.genre(), listen.startedAt(), seconds, listen.client(), listen.source());
    }

    /** Places a user's listens in a new time zone and rebuilds the roll-ups that depend on it. */
    static void relocate(DatabaseClient db, String userId, ZoneId zone) {
        RollUps.relocate(db, userId, zone);
        RollUps.rebuildUser(db, userId);
        RollUps.rebuildServer(db);
    }

    private static void rememberNames(DatabaseClient db, ListenedTrack track) {
        Object[][] values = {{"title", track.title()}, {"artist", track.artist()}, {"artistId", track.artistId()},
                {"album", track.album()}, {"albumId", track.albumId()}};
        DatabaseClient.GenericExecuteSpec update = db.sql("UPDATE listened_track SET title = :title, artist = :artist, "
                + "artist_id = :artistId, album = :album, album_id = :albumId WHERE track_id = :id").bind("id", track.id());
        DatabaseClient.GenericExecuteSpec insert = db.sql("INSERT INTO listened_track (track_id, title, artist, artist_id, "
                + "album, album_id) VALUES (:id, :title, :artist, :artistId, :album, :albumId)").bind("id", track.id());
        for (Object[] value : values) {
            update = update.bind((String) value[0], Parameter.fromOrEmpty(value[1], String.class));
            insert = insert.bind((String) value[0], Parameter.fromOrEmpty(value[1], String.class));
        }
        Long updated = update.fetch().rowsUpdated().block();
        if (updated == null || updated == 0) {
            insert.fetch().rowsUpdated().block();
        }
    }

    private static Listen listen(Readable row) {
        return new Listen(row.get("id", Long.class), row.get("user_id", String.class), row.get("track_id", String.class),
                row.get("album_id", String.class), row.get("artist_id", String.class), row.get("genre", String.class),
                Instant.ofEpochMilli(row.get("started_at", Long.class)), row.get("seconds_played", Integer.class),
                row.get("client", String.class), Listen.Source.ofKey(row.get("source", String.class)));
    }
}
