package dev.minstrel.subsonic.playlist;

import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.subsonic.auth.SubsonicUser;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Playlists and their entries in the database. Every call runs off the event loop, because the H2
 * driver blocks the thread that calls it; every write is one transaction, so a failure half-way
 * (a refused row) leaves the playlist as it was.
 */
public final class PlaylistStore {

    /** @param mirrors the watched playlist's link this one follows (read-only while set), or null */
    record Playlist(String id, String ownerId, String name, String comment, boolean isPublic, long created,
                    long changed, List<String> trackIds, String mirrors) {

        boolean readonly() {
            return mirrors != null;
        }

        /** Its owner sees it, everyone sees it once it is public, and the server's owner sees every one. */
        boolean visibleTo(SubsonicUser user) {
            return ownerId.equals(user.id()) || isPublic || user.admin();
        }

        /** Its songs that are still in the library, in order. */
        List<Track> tracks(Catalogue catalogue) {
            return trackIds.stream().flatMap(id -> catalogue.track(id).stream()).toList();
        }
    }

    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final TransactionalOperator transactions;

    /** @param transactions one per write, over {@code db}'s connection factory */
    public PlaylistStore(DatabaseClient db, TransactionalOperator transactions) {
        this.db = db;
        this.transactions = transactions;
    }

    Mono<List<Playlist>> all() {
        Mono<Map<String, List<String>>> entries = db.sql("SELECT playlist_id, track_id FROM subsonic_playlist_entry"
                        + " ORDER BY playlist_id, position")
                .map(row -> Map.entry(row.get("playlist_id", String.class), row.get("track_id", String.class)))
                .all()
                .collect(HashMap::new, (map, e) -> map.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return entries.flatMap(byPlaylist -> rows("SELECT * FROM subsonic_playlist ORDER BY name", Map.of(), byPlaylist)
                        .collectList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Playlist> byId(String id) {
        return db.sql("SELECT track_id FROM subsonic_playlist_entry WHERE playlist_id = :id ORDER BY position")
                .bind("id", id).map(row -> row.get("track_id", String.class)).all().collectList()
                .flatMap(tracks -> rows("SELECT * FROM subsonic_playlist WHERE id = :id", Map.of("id", id), Map.of(id, tracks))
                        .next())
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Flux<Playlist> rows(String sql, Map<String, Object> binds, Map<String, List<String>> entries) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (var bind : binds.entrySet()) {
            spec = spec.bind(bind.getKey(), bind.getValue());
        }
        return spec.map(row -> {
            String id = row.get("id", String.class);
            return new Playlist(id, row.get("owner_id", String.class), row.get("name", String.class),
                    row.get("comment", String.class), Boolean.TRUE.equals(row.get("is_public", Boolean.class)),
                    row.get("created", Long.class), row.get("changed", Long.class), entries.getOrDefault(id, List.of()),
                    row.get("mirrors", String.class));
        }).all();
    }

    Mono<String> create(String ownerId, String name, List<String> trackIds, long now) {
        return create(ownerId, name, trackIds, null, now);
    }

    /** @param mirrors the watched playlist's link, for a read-only mirror; null for an ordinary playlist */
    Mono<String> create(String ownerId, String name, List<String> trackIds, String mirrors, long now) {
        String id = newId();
        Mono<Void> writes = db.sql("INSERT INTO subsonic_playlist (id, owner_id, name, is_public, created, changed, mirrors)"
                        + " VALUES (:id, :owner, :name, FALSE, :now, :now, :mirrors)")
                .bind("id", id).bind("owner", ownerId).bind("name", name).bind("now", now)
                .bind("mirrors", Parameter.fromOrEmpty(mirrors, String.class))
                .fetch().rowsUpdated()
                .then(writeEntries(id, trackIds));
        return transactions.transactional(writes).thenReturn(id).subscribeOn(Schedulers.boundedElastic());
    }

    /** Changes what is given (null: unchanged; an empty comment clears it) and replaces the entries when given. */
    Mono<Void> update(String id, String name, String comment, Boolean isPublic, List<String> trackIds, long now) {
        return transactions.transactional(write(id, name, comment, isPublic, trackIds, now))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Like {@link #update}, with the new entries worked out from the current ones inside the
     * transaction, the playlist's row locked: two edits at once both count, neither is lost.
     */
    Mono<Void> edit(String id, String name, String comment, Boolean isPublic, UnaryOperator<List<String>> entries,
                    long now) {
        Mono<Void> work = db.sql("SELECT id FROM subsonic_playlist WHERE id = :id FOR UPDATE").bind("id", id)
                .fetch().first()
                .then(db.sql("SELECT track_id FROM subsonic_playlist_entry WHERE playlist_id = :id ORDER BY position")
                        .bind("id", id).map(row -> row.get("track_id", String.class)).all().collectList())
                .flatMap(current -> write(id, name, comment, isPublic, entries.apply(current), now));
        return transactions.transactional(work).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> write(String id, String name, String comment, Boolean isPublic, List<String> trackIds, long now) {
        StringBuilder sql = new StringBuilder("UPDATE subsonic_playlist SET changed = :now");
        if (name != null) {
            sql.append(", name = :name");
        }
        if (comment != null) {
            sql.append(", comment = :comment");
        }
        if (isPublic != null) {
            sql.append(", is_public = :public");
        }
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.append(" WHERE id = :id").toString()).bind("now", now).bind("id", id);
        if (name != null) {
            spec = spec.bind("name", name);
        }
        if (comment != null) {
            spec = comment.isEmpty() ? spec.bindNull("comment", String.class) : spec.bind("comment", comment);
        }
        if (isPublic != null) {
            spec = spec.bind("public", isPublic);
        }
        Mono<Void> entries = trackIds == null ? Mono.empty()
                : db.sql("DELETE FROM subsonic_playlist_entry WHERE playlist_id = :id").bind("id", id).fetch().rowsUpdated()
                .then(writeEntries(id, trackIds));
        return spec.fetch().rowsUpdated().then(entries);
    }

    /** The playlist no longer mirrors anything: an ordinary playlist its owner may change. */
    Mono<Void> stopMirroring(String id) {
        return db.sql("UPDATE subsonic_playlist SET mirrors = NULL WHERE id = :id").bind("id", id)
                .fetch().rowsUpdated().then().subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Void> delete(String id) {
        Mono<Void> writes = db.sql("DELETE FROM subsonic_playlist_entry WHERE playlist_id = :id").bind("id", id)
                .fetch().rowsUpdated()
                .then(db.sql("DELETE FROM subsonic_playlist WHERE id = :id").bind("id", id).fetch().rowsUpdated())
                .then();
        return transactions.transactional(writes).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> writeEntries(String id, List<String> trackIds) {
        return Flux.range(0, trackIds.size())
                .concatMap(i -> db.sql("INSERT INTO subsonic_playlist_entry (playlist_id, position, track_id)"
                                + " VALUES (:id, :position, :track)")
                        .bind("id", id).bind("position", i).bind("track", trackIds.get(i)).fetch().rowsUpdated())
                .then();
    }

    private static String newId() {
        StringBuilder id = new StringBuilder("pl-");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
