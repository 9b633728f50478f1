package dev.minstrel.ingest.watch;

import io.r2dbc.spi.Readable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Watches and their playlists' entries in the database. Calls block their caller's thread (H2's
 * driver does), so they run on the bounded elastic scheduler.
 */
final class WatchStore {

    private static final String COLUMNS = "id, url, identity, owner_id, name, playlist_id, created_at, last_checked_at, "
            + "next_check_at, failures, last_error, track_count, sync_started_at, job_id, sync_fetched, sync_error";
    private static final int MAX_ERROR = 2000;

    /**
     * A watch with what its running sync has got so far.
     *
     * @param syncStarted  when the running sync began, null between syncs
     * @param syncFetched  songs the running sync's jobs brought into the library
     * @param syncError    the last reason one of the running sync's songs could not be downloaded
     */
    record Stored(Watch watch, String identity, Instant syncStarted, int syncFetched, String syncError) {
    }

    /** An entry of the playlist as last read. */
    record Entry(int position, String url, boolean attempted, String trackId) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    WatchStore(DatabaseClient db) {
        this.db = db;
        this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(db.getConnectionFactory()));
    }

    /** False when the playlist is watched already (the identity is unique, so two adds at once cannot both win). */
    Mono<Boolean> insert(Watch watch, String identity) {
        return db.sql("INSERT INTO ingest_watch (" + COLUMNS + ") VALUES (:id, :url, :identity, :owner, :name, :playlist, "
                        + ":created, NULL, :next, 0, NULL, 0, NULL, NULL, 0, NULL)")
                .bind("id", watch.id()).bind("url", watch.url()).bind("identity", identity).bind("owner", watch.ownerId())
                .bind("name", watch.name()).bind("playlist", Parameter.fromOrEmpty(watch.playlistId(), String.class))
                .bind("created", watch.createdAt().toEpochMilli()).bind("next", watch.nextCheck().toEpochMilli())
                .fetch().rowsUpdated().map(n -> n == 1)
                .onErrorReturn(DataIntegrityViolationException.class, false)
                .subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Stored> find(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM ingest_watch WHERE id = :id").bind("id", id)
                .map(WatchStore::row).one().subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Stored> findByIdentity(String identity) {
        return db.sql("SELECT " + COLUMNS + " FROM ingest_watch WHERE identity = :identity").bind("identity", identity)
                .map(WatchStore::row).one().subscribeOn(Schedulers.boundedElastic());
    }

    /** Oldest first; {@code ownerId} null means everyone's. */
    Flux<Stored> list(String ownerId) {
        var select = db.sql("SELECT " + COLUMNS + " FROM ingest_watch"
                + (ownerId == null ? "" : " WHERE owner_id = :owner") + " ORDER BY created_at, id");
        if (ownerId != null) {
            select = select.bind("owner", ownerId);
        }
        return select.map(WatchStore::row).all().subscribeOn(Schedulers.boundedElastic());
    }

    /** Watches with a sync running, or due to start one. */
    Flux<Stored> needingWork(Instant now) {
        return db.sql("SELECT " + COLUMNS + " FROM ingest_watch WHERE sync_started_at IS NOT NULL OR next_check_at <= :now "
                        + "ORDER BY next_check_at, id")
                .bind("now", now.toEpochMilli()).map(WatchStore::row).all().subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Void> setPlaylist(String id, String playlistId) {
        return update("UPDATE ingest_watch SET playlist_id = :playlist WHERE id = :id", id, "playlist", playlistId);
    }

    /** Makes a watch between syncs due now; false when it is syncing already (or gone). */
    Mono<Boolean> due(String id, Instant now) {
        return db.sql("UPDATE ingest_watch SET next_check_at = :now WHERE id = :id AND sync_started_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("id", id)
                .fetch().rowsUpdated().map(n -> n == 1).subscribeOn(Schedulers.boundedElastic());
    }

    /** A sync begins: false when one is running already. */
    Mono<Boolean> begin(String id, Instant now) {
        return db.sql("UPDATE ingest_watch SET sync_started_at = :now, sync_fetched = 0, sync_error = NULL "
                        + "WHERE id = :id AND sync_started_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("id", id)
                .fetch().rowsUpdated().map(n -> n == 1).subscribeOn(Schedulers.boundedElastic());
    }

    /** The playlist as just read replaces the last reading, in one transaction; nothing tried yet. */
    Mono<Void> saveListing(String id, String name, List<String> urls) {
        Mono<Void> writes = db.sql("DELETE FROM ingest_watch_entry WHERE watch_id = :id").bind("id", id).fetch().rowsUpdated()
                .thenMany(Flux.range(0, urls.size()).concatMap(i -> db.sql("INSERT INTO ingest_watch_entry "
                                + "(watch_id, position, url, attempted, track_id) VALUES (:id, :position, :url, FALSE, NULL)")
                        .bind("id", id).bind("position", i).bind("url", urls.get(i)).fetch().rowsUpdated()))
                .then(name == null ? Mono.empty()
                        : db.sql("UPDATE ingest_watch SET name = :name WHERE id = :id").bind("name", truncate(name, 500))
                        .bind("id", id).fetch().rowsUpdated())
                .then();
        return transactions.transactional(writes).subscribeOn(Schedulers.boundedElastic());
    }

    Mono<List<Entry>> entries(String id) {
        return db.sql("SELECT position, url, attempted, track_id FROM ingest_watch_entry WHERE watch_id = :id ORDER BY position")
                .bind("id", id)
                .map(row -> new Entry(row.get("position", Integer.class), row.get("url", String.class),
                        Boolean.TRUE.equals(row.get("attempted", Boolean.class)), row.get("track_id", String.class)))
                .all().collectList().subscribeOn(Schedulers.boundedElastic());
    }

    /** A job of the running sync started, for these entries ({@code position} -1: for every entry, the whole list). */
    Mono<Void> jobStarted(String id, String jobId, int position) {
        return db.sql("UPDATE ingest_watch_entry SET attempted = TRUE WHERE watch_id = :id"
                        + (position < 0 ? "" : " AND position = :position"))
                .bind("id", id).bindValues(position < 0 ? Map.of() : Map.of("position", position))
                .fetch().rowsUpdated()
                .then(update("UPDATE ingest_watch SET job_id = :job WHERE id = :id", id, "job", jobId))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The running sync's job ended: what it brought in, and the reason it failed if it did. */
    Mono<Void> jobEnded(String id, int fetched, String error) {
        return db.sql("UPDATE ingest_watch SET job_id = NULL, sync_fetched = sync_fetched + :fetched"
                        + (error == null ? "" : ", sync_error = :error") + " WHERE id = :id")
                .bind("fetched", fetched).bind("id", id)
                .bindValues(error == null ? Map.of() : Map.of("error", truncate(error, MAX_ERROR)))
                .fetch().rowsUpdated().then().subscribeOn(Schedulers.boundedElastic());
    }

    /** The library track a download of this entry gave. */
    Mono<Void> entryTrack(String id, int position, String trackId) {
        return db.sql("UPDATE ingest_watch_entry SET track_id = :track WHERE watch_id = :id AND position = :position")
                .bind("track", trackId).bind("id", id).bind("position", position)
                .fetch().rowsUpdated().then().subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Void> trackCount(String id, int count) {
        return update("UPDATE ingest_watch SET track_count = :count WHERE id = :id", id, "count", count);
    }

    /**
     * The sync ended: {@code failures} in a row now (0 after a success), {@code error} shown until the
     * next sync ends, and the next check.
     */
    Mono<Void> end(String id, Instant now, int failures, String error, Instant next) {
        return db.sql("UPDATE ingest_watch SET sync_started_at = NULL, job_id = NULL, last_checked_at = :now, "
                        + "failures = :failures, last_error = :error, next_check_at = :next WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("failures", failures)
                .bind("error", Parameter.fromOrEmpty(error == null ? null : truncate(error, MAX_ERROR), String.class))
                .bind("next", next.toEpochMilli()).bind("id", id)
                .fetch().rowsUpdated().then().subscribeOn(Schedulers.boundedElastic());
    }

    /** Removes the watch and its entries; false when there was none. */
    Mono<Boolean> delete(String id) {
        Mono<Boolean> writes = db.sql("DELETE FROM ingest_watch_entry WHERE watch_id = :id").bind("id", id)
                .fetch().rowsUpdated()
                .then(db.sql("DELETE FROM ingest_watch WHERE id = :id").bind("id", id).fetch().rowsUpdated())
                .map(n -> n == 1);
        return transactions.transactional(writes).subscribeOn(Schedulers.boundedElastic());
    }

    /** Removes every watch of the account, with their entries; how many there were. */
    Mono<Long> deleteOwnedBy(String ownerId) {
        Mono<Long> writes = db.sql("DELETE FROM ingest_watch_entry WHERE watch_id IN "
                        + "(SELECT id FROM ingest_watch WHERE owner_id = :owner)").bind("owner", ownerId)
                .fetch().rowsUpdated()
                .then(db.sql("DELETE FROM ingest_watch WHERE owner_id = :owner").bind("owner", ownerId).fetch().rowsUpdated());
        return transactions.transactional(writes).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> update(String sql, String id, String name, Object value) {
        return db.sql(sql).bind(name, value).bind("id", id).fetch().rowsUpdated().then()
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Stored row(Readable row) {
        Instant syncStarted = instant(row.get("sync_started_at", Long.class));
        int failures = row.get("failures", Integer.class);
        String state = syncStarted != null ? "syncing" : failures > 0 ? "failing" : "watching";
        Watch watch = new Watch(row.get("id", String.class), row.get("url", String.class), row.get("name", String.class),
                row.get("owner_id", String.class), row.get("playlist_id", String.class), state,
                instant(row.get("created_at", Long.class)), instant(row.get("last_checked_at", Long.class)),
                instant(row.get("next_check_at", Long.class)), row.get("track_count", Integer.class), failures,
                row.get("last_error", String.class), row.get("job_id", String.class));
        return new Stored(watch, row.get("identity", String.class), syncStarted, row.get("sync_fetched", Integer.class),
                row.get("sync_error", String.class));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
