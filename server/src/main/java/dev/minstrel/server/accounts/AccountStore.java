package dev.minstrel.server.accounts;

import org.springframework.r2dbc.core.DatabaseClient;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Accounts in the {@code account} table. H2's driver blocks, so every call leaves the event loop. */
public class AccountStore {

    private static final String COLUMNS = columns("account");

    /** The columns {@link #account} reads, qualified by a table alias for joins. */
    public static String columns(String alias) {
        return Stream.of("id", "username", "password_hash", "password_sealed", "role",
                        "can_download", "can_ingest", "enabled", "created_at")
                .map(column -> alias + "." + column)
                .collect(Collectors.joining(", "));
    }

    private final DatabaseClient db;
    private final AtomicLong changes = new AtomicLong();

    public AccountStore(DatabaseClient db) {
        this.db = db;
    }

    public static String key(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Counts committed writes, so a cache of accounts can tell it is stale: read this before a
     * lookup, and keep the result only while the count is unchanged.
     */
    public long changes() {
        return changes.get();
    }

    public Mono<Account> byUsername(String username) {
        return db.sql("SELECT " + COLUMNS + " FROM account WHERE username_key = :key")
                .bind("key", key(username))
                .map(AccountStore::account).one()
                .subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Account> byId(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id")
                .bind("id", id)
                .map(AccountStore::account).one()
                .subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Long> countOwners() {
        return db.sql("SELECT COUNT(*) AS n FROM account WHERE role = :role AND enabled = TRUE")
                .bind("role", Role.OWNER.key())
                .map(row -> row.get("n", Long.class)).one()
                .subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Boolean> ownerExists() {
        return db.sql("SELECT COUNT(*) AS n FROM account WHERE role = :role")
                .bind("role", Role.OWNER.key())
                .map(row -> row.get("n", Long.class)).one()
                .map(n -> n > 0)
                .subscribeOn(Schedulers.boundedElastic());
    }

    public Flux<Account> all() {
        return db.sql("SELECT " + COLUMNS + " FROM account ORDER BY username_key")
                .map(AccountStore::account).all()
                .subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Account> insert(Account account) {
        return db.sql("INSERT INTO account (id, username, username_key, password_hash, password_sealed, role, "
                        + "can_download, can_ingest, enabled, created_at) VALUES (:id, :username, :key, :hash, "
                        + ":sealed, :role, :download, :ingest, :enabled, :created)")
                .bind("id", account.id())
                .bind("username", account.username())
                .bind("key", key(account.username()))
                .bind("hash", account.passwordHash())
                .bind("sealed", account.passwordSealed())
                .bind("role", account.role().key())
                .bind("download", account.canDownload())
                .bind("ingest", account.canIngest())
                .bind("enabled", account.enabled())
                .bind("created", account.createdAt().toEpochMilli())
                .fetch().rowsUpdated()
                .doOnSuccess(written -> changes.incrementAndGet())
                .thenReturn(account)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Role, grants and enabled flag; the rest of an account does not change here. */
    public Mono<Account> updateAccess(Account account) {
        return db.sql("UPDATE account SET role = :role, can_download = :download, can_ingest = :ingest, "
                        + "enabled = :enabled WHERE id = :id")
                .bind("role", account.role().key())
                .bind("download", account.canDownload())
                .bind("ingest", account.canIngest())
                .bind("enabled", account.enabled())
                .bind("id", account.id())
                .fetch().rowsUpdated()
                .doOnSuccess(written -> changes.incrementAndGet())
                .thenReturn(account)
                .subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Void> updatePassword(String id, String passwordHash, String passwordSealed) {
        return db.sql("UPDATE account SET password_hash = :hash, password_sealed = :sealed WHERE id = :id")
                .bind("hash", passwordHash)
                .bind("sealed", passwordSealed)
                .bind("id", id)
                .fetch().rowsUpdated()
                .doOnSuccess(written -> changes.incrementAndGet())
                .then()
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Removes the account; its sessions and API keys go with it (ON DELETE CASCADE). */
    public Mono<Boolean> delete(String id) {
        return db.sql("DELETE FROM account WHERE id = :id")
                .bind("id", id)
                .fetch().rowsUpdated()
                .doOnSuccess(written -> changes.incrementAndGet())
                .map(n -> n > 0)
                .subscribeOn(Schedulers.boundedElastic());
    }

    public static Account account(Readable row) {
        return new Account(
                row.get("id", String.class),
                row.get("username", String.class),
                row.get("password_hash", String.class),
                row.get("password_sealed", String.class),
                Role.ofKey(row.get("role", String.class)),
                Boolean.TRUE.equals(row.get("can_download", Boolean.class)),
                Boolean.TRUE.equals(row.get("can_ingest", Boolean.class)),
                Boolean.TRUE.equals(row.get("enabled", Boolean.class)),
                Instant.ofEpochMilli(row.get("created_at", Long.class)));
    }
}
