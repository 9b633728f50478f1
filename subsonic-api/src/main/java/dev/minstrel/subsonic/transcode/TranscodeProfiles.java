package dev.minstrel.subsonic.transcode;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The owner's transcoding defaults per user and per app ("Symfonium on phones gets Opus 128"),
 * stored in the database and kept in memory for the stream path, which must not wait on a query
 * for every song. Every write here reloads the copy.
 */
public final class TranscodeProfiles {

    private static final String COLUMNS = "id, user_id, client, format, max_bit_rate";

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final Clock clock;
    private volatile Mono<List<TranscodeProfile>> current;

    public TranscodeProfiles(DatabaseClient db, TransactionalOperator transactions, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
        this.current = load();
    }

    /** Every profile, in the order they were set. */
    public Mono<List<TranscodeProfile>> all() {
        return current;
    }

    /** The closest profile for this user on this app, if any. */
    public Mono<Optional<TranscodeProfile>> forCall(String userId, String client) {
        return current.map(profiles -> profiles.stream().filter(p -> p.appliesTo(userId, client))
                .max(Comparator.comparingInt(TranscodeProfile::specificity)));
    }

    /**
     * Sets the profile for this (user, app) pair, replacing the one it had; the answer comes once
     * it is stored.
     */
    public Mono<TranscodeProfile> put(String userId, String client, AudioFormat format, int maxBitRate) {
        TranscodeProfile profile = new TranscodeProfile("tp-" + UUID.randomUUID().toString().replace("-", ""),
                userId, client, format, maxBitRate);
        DatabaseClient.GenericExecuteSpec replace = db.sql("DELETE FROM subsonic_transcode_profile WHERE "
                + (userId == null ? "user_id IS NULL" : "user_id = :user") + " AND "
                + (client == null ? "client IS NULL" : "LOWER(client) = LOWER(:client)"));
        if (userId != null) {
            replace = replace.bind("user", userId);
        }
        if (client != null) {
            replace = replace.bind("client", client);
        }
        DatabaseClient.GenericExecuteSpec insert = db.sql("INSERT INTO subsonic_transcode_profile (" + COLUMNS
                        + ", created) VALUES (:id, :user, :client, :format, :rate, :created)")
                .bind("id", profile.id()).bind("rate", maxBitRate).bind("created", clock.millis());
        insert = userId == null ? insert.bindNull("user", String.class) : insert.bind("user", userId);
        insert = client == null ? insert.bindNull("client", String.class) : insert.bind("client", client);
        insert = format == null ? insert.bindNull("format", String.class) : insert.bind("format", format.suffix());
        // one transaction: a failed insert must not leave the pair without the profile it had
        return replace.fetch().rowsUpdated().then(insert.fetch().rowsUpdated()).as(transactions::transactional)
                .subscribeOn(Schedulers.boundedElastic())
                .then(reload()).thenReturn(profile);
    }

    /** Removes a profile; false when there was none with this id. */
    public Mono<Boolean> delete(String id) {
        return db.sql("DELETE FROM subsonic_transcode_profile WHERE id = :id").bind("id", id).fetch().rowsUpdated()
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(deleted -> reload().thenReturn(deleted > 0));
    }

    /** Reads the profiles again, after a change made elsewhere (a deleted user's go with them). */
    public Mono<Void> reload() {
        Mono<List<TranscodeProfile>> fresh = load();
        return fresh.doOnNext(loaded -> current = fresh).then();
    }

    private Mono<List<TranscodeProfile>> load() {
        Flux<TranscodeProfile> rows = db.sql("SELECT " + COLUMNS + " FROM subsonic_transcode_profile ORDER BY created")
                .map((row, meta) -> new TranscodeProfile(row.get("id", String.class), row.get("user_id", String.class),
                        row.get("client", String.class),
                        AudioFormat.named(row.get("format", String.class)).orElse(null),
                        row.get("max_bit_rate", Integer.class)))
                .all();
        // kept once read; a failed read is not kept, so the next stream tries again
        return rows.collectList().subscribeOn(Schedulers.boundedElastic())
                .cache(loaded -> Duration.ofMillis(Long.MAX_VALUE), failure -> Duration.ZERO, () -> Duration.ZERO);
    }
}
