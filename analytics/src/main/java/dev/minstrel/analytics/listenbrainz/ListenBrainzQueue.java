package dev.minstrel.analytics.listenbrainz;

import dev.minstrel.analytics.history.ExportedListen;
import dev.minstrel.analytics.listen.Listen;
import dev.minstrel.library.catalogue.Track;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The two ListenBrainz tables: each user's connection (sealed token, backoff, lease) and the
 * outbox of listens waiting to be sent. Blocking calls: run them on the bounded elastic scheduler.
 */
final class ListenBrainzQueue {

    private final DatabaseClient db;

    ListenBrainzQueue(DatabaseClient db) {
        this.db = db;
    }

    /** A user's stored connection, with the token still sealed. */
    record Connection(String userId, String sealedToken, String userName, boolean broken, String lastError,
                      Instant lastSubmittedAt, int failures) {
    }

    /** A listen waiting in the outbox. */
    record Queued(long id, ExportedListen listen) {
    }

    /**
     * Queues a new listen for its user, when they are connected and ListenBrainz has not refused
     * their token; runs in the transaction that stores the listen, so a listen stored is a listen queued.
     */
    static void enqueue(DatabaseClient tx, Listen listen, Track track) {
        Long sending = tx.sql("SELECT COUNT(*) AS n FROM listenbrainz_connection WHERE user_id = :u AND broken = FALSE")
                .bind("u", listen.userId()).map(row -> row.get("n", Long.class)).one().block();
        if (sending == null || sending == 0) {
            return;
        }
        tx.sql("INSERT INTO listenbrainz_outbox (user_id, listen_id, started_at, seconds_played, client, track_id, title, "
                        + "artist, album, duration_seconds, recording_mbid, release_mbid, artist_mbid) VALUES (:u, :listen, "
                        + ":started, :seconds, :client, :track, :title, :artist, :album, :duration, :recording, :release, :artistMbid)")
                .bind("u", listen.userId())
                .bind("listen", listen.id())
                .bind("started", listen.startedAt().toEpochMilli())
                .bind("seconds", listen.secondsPlayed())
                .bind("client", Parameter.fromOrEmpty(listen.client(), String.class))
                .bind("track", track.id())
                .bind("title", Parameter.fromOrEmpty(track.title(), String.class))
                .bind("artist", Parameter.fromOrEmpty(track.artist(), String.class))
                .bind("album", Parameter.fromOrEmpty(track.album(), String.class))
                .bind("duration", track.durationSeconds())
                .bind("recording", Parameter.fromOrEmpty(blankToNull(track.musicBrainzTrackId()), String.class))
                .bind("release", Parameter.fromOrEmpty(blankToNull(track.musicBrainzAlbumId()), String.class))
                .bind("artistMbid", Parameter.fromOrEmpty(blankToNull(track.musicBrainzArtistId()), String.class))
                .fetch().rowsUpdated().block();
    }

    /** Stores (or replaces) a user's token; a fresh start: not broken, no error, no backoff. */
    void connect(String userId, String sealedToken, String userName) {
        Long updated = db.sql("UPDATE listenbrainz_connection SET sealed_token = :t, lb_user_name = :n, broken = FALSE, "
                        + "last_error = NULL, failures = 0, next_attempt_at = 0 WHERE user_id = :u")
                .bind("u", userId).bind("t", sealedToken).bind("n", Parameter.fromOrEmpty(userName, String.class))
                .fetch().rowsUpdated().block();
        if (updated == null || updated == 0) {
            db.sql("INSERT INTO listenbrainz_connection (user_id, sealed_token, lb_user_name, broken, failures, "
                            + "next_attempt_at, lease_until) VALUES (:u, :t, :n, FALSE, 0, 0, 0)")
                    .bind("u", userId).bind("t", sealedToken).bind("n", Parameter.fromOrEmpty(userName, String.class))
                    .fetch().rowsUpdated().block();
        }
    }

    /** Forgets the token and every listen still waiting. */
    void disconnect(String userId) {
        db.sql("DELETE FROM listenbrainz_outbox WHERE user_id = :u").bind("u", userId).fetch().rowsUpdated().block();
        db.sql("DELETE FROM listenbrainz_connection WHERE user_id = :u").bind("u", userId).fetch().rowsUpdated().block();
    }

    Optional<Connection> connection(String userId) {
        return Optional.ofNullable(db.sql("SELECT user_id, sealed_token, lb_user_name, broken, last_error, "
                        + "last_submitted_at, failures FROM listenbrainz_connection WHERE user_id = :u")
                .bind("u", userId).map((Readable row) -> connection(row)).one().block());
    }

    long queued(String userId) {
        Long n = db.sql("SELECT COUNT(*) AS n FROM listenbrainz_outbox WHERE user_id = :u").bind("u", userId)
                .map(row -> row.get("n", Long.class)).one().block();
        return n == null ? 0 : n;
    }

    /** Users with listens waiting, not in backoff, whose queue no instance is sending. */
    List<String> due(Instant now) {
        return db.sql("SELECT c.user_id FROM listenbrainz_connection c WHERE c.broken = FALSE "
                        + "AND c.next_attempt_at <= :now AND c.lease_until < :now "
                        + "AND EXISTS (SELECT 1 FROM listenbrainz_outbox o WHERE o.user_id = c.user_id)")
                .bind("now", now.toEpochMilli())
                .map(row -> row.get("user_id", String.class)).all().collectList().block();
    }

    /**
     * Takes the right to send a user's queue until {@code until}, for instance {@code owner}: one
     * conditional UPDATE, which the database runs one at a time per row (H2 and PostgreSQL alike),
     * so of several instances trying at once exactly one sees its row updated.
     */
    boolean lease(String userId, String owner, Instant now, Instant until) {
        Long updated = db.sql("UPDATE listenbrainz_connection SET lease_owner = :owner, lease_until = :until "
                        + "WHERE user_id = :u AND broken = FALSE AND next_attempt_at <= :now "
                        + "AND (lease_until < :now OR lease_owner = :owner)")
                .bind("owner", owner).bind("until", until.toEpochMilli()).bind("u", userId).bind("now", now.toEpochMilli())
                .fetch().rowsUpdated().block();
        return updated != null && updated == 1;
    }

    void release(String userId, String owner) {
        db.sql("UPDATE listenbrainz_connection SET lease_owner = NULL, lease_until = 0 WHERE user_id = :u "
                        + "AND lease_owner = :owner")
                .bind("u", userId).bind("owner", owner).fetch().rowsUpdated().block();
    }

    /** The oldest {@code limit} listens waiting for a user, oldest first. */
    List<Queued> oldest(String userId, int limit) {
        return db.sql("SELECT id, started_at, seconds_played, client, track_id, title, artist, album, duration_seconds, "
                        + "recording_mbid, release_mbid, artist_mbid FROM listenbrainz_outbox WHERE user_id = :u "
                        + "ORDER BY id LIMIT " + Math.max(1, limit))
                .bind("u", userId)
                .map(row -> new Queued(row.get("id", Long.class), new ExportedListen(
                        Instant.ofEpochMilli(row.get("started_at", Long.class)), row.get("seconds_played", Integer.class),
                        row.get("client", String.class), row.get("track_id", String.class), row.get("title", String.class),
                        row.get("artist", String.class), row.get("album", String.class),
                        row.get("duration_seconds", Integer.class), row.get("recording_mbid", String.class),
                        row.get("release_mbid", String.class), row.get("artist_mbid", String.class))))
                .all().collectList().block();
    }

    /** Removes listens ListenBrainz took (or will never take). */
    void remove(List<Queued> sent) {
        if (sent.isEmpty()) {
            return;
        }
        // ids are longs read from the table: nothing to escape
        db.sql("DELETE FROM listenbrainz_outbox WHERE id IN ("
                        + sent.stream().map(q -> Long.toString(q.id())).collect(Collectors.joining(", ")) + ")")
                .fetch().rowsUpdated().block();
    }

    void submitted(String userId, Instant at) {
        db.sql("UPDATE listenbrainz_connection SET last_submitted_at = :at, failures = 0, next_attempt_at = 0, "
                        + "last_error = NULL WHERE user_id = :u")
                .bind("at", at.toEpochMilli()).bind("u", userId).fetch().rowsUpdated().block();
    }

    /** ListenBrainz was down or busy: wait until {@code next} before the next try. */
    void failed(String userId, int failures, Instant next, String error) {
        db.sql("UPDATE listenbrainz_connection SET failures = :f, next_attempt_at = :next, last_error = :e WHERE user_id = :u")
                .bind("f", failures).bind("next", next.toEpochMilli()).bind("e", clip(error)).bind("u", userId)
                .fetch().rowsUpdated().block();
    }

    /** ListenBrainz refused some listens for good: say so, keep sending the others. */
    void noted(String userId, String error) {
        db.sql("UPDATE listenbrainz_connection SET last_error = :e WHERE user_id = :u")
                .bind("e", clip(error)).bind("u", userId).fetch().rowsUpdated().block();
    }

    /** ListenBrainz refused the token: stop sending for this user until they connect again. */
    void broken(String userId, String error) {
        db.sql("UPDATE listenbrainz_connection SET broken = TRUE, last_error = :e WHERE user_id = :u")
                .bind("e", clip(error)).bind("u", userId).fetch().rowsUpdated().block();
    }

    private static Connection connection(Readable row) {
        Long submitted = row.get("last_submitted_at", Long.class);
        return new Connection(row.get("user_id", String.class), row.get("sealed_token", String.class),
                row.get("lb_user_name", String.class), Boolean.TRUE.equals(row.get("broken", Boolean.class)),
                row.get("last_error", String.class), submitted == null ? null : Instant.ofEpochMilli(submitted),
                row.get("failures", Integer.class));
    }

    private static String clip(String error) {
        String text = error == null ? "ListenBrainz failed without saying why" : error;
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
