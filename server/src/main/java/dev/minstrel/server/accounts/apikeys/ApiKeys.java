package dev.minstrel.server.accounts.apikeys;

import dev.minstrel.library.catalogue.CleanText;
import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.accounts.AccountStore;
import dev.minstrel.server.accounts.AccountsException;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * OpenSubsonic API keys ({@code apiKey=}) and bearer tokens for {@code /api}. A key is 256 random
 * bits, so a plain SHA-256 of it is enough to store: there is nothing to guess, unlike a password.
 */
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX = "msk_";
    /** A player streaming with a key would otherwise write to the database on every request. */
    private static final long LAST_USED_PRECISION_MILLIS = 60_000;

    private final DatabaseClient db;
    private final Clock clock;

    public ApiKeys(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A key and its listing; the key is not kept and cannot be shown again. */
    public record Created(ApiKey apiKey, String key) {

        @Override
        public String toString() {
            return "Created[" + apiKey + "]";
        }
    }

    public Mono<Created> create(Account account, String name) {
        String label = name == null ? "" : CleanText.of(name).strip();
        if (label.isEmpty() || label.length() > 100) {
            return Mono.error(AccountsException.invalid("An API key needs a name of 1 to 100 characters"));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiKey apiKey = new ApiKey("ak-" + HexFormat.of().formatHex(id), label, Instant.ofEpochMilli(clock.millis()), null);
        return db.sql("INSERT INTO api_key (id, account_id, name, key_hash, created_at) "
                        + "VALUES (:id, :account, :name, :hash, :created)")
                .bind("id", apiKey.id())
                .bind("account", account.id())
                .bind("name", label)
                .bind("hash", hash(key))
                .bind("created", apiKey.createdAt().toEpochMilli())
                .fetch().rowsUpdated()
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(new Created(apiKey, key));
    }

    public Flux<ApiKey> list(Account account) {
        return db.sql("SELECT id, name, created_at, last_used_at FROM api_key WHERE account_id = :account "
                        + "ORDER BY created_at, id")
                .bind("account", account.id())
                .map(ApiKeys::apiKey).all()
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Revokes one of the account's own keys; false when it has no such key. */
    public Mono<Boolean> revoke(Account account, String id) {
        return db.sql("DELETE FROM api_key WHERE id = :id AND account_id = :account")
                .bind("id", id)
                .bind("account", account.id())
                .fetch().rowsUpdated()
                .map(n -> n > 0)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The enabled account this key belongs to, or empty for an unknown or revoked key or a disabled user. */
    public Mono<Account> resolve(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return Mono.empty();
        }
        String hash = hash(key);
        return db.sql("SELECT " + AccountStore.columns("a") + " FROM api_key k "
                        + "JOIN account a ON a.id = k.account_id WHERE k.key_hash = :hash")
                .bind("hash", hash)
                .map(AccountStore::account).one()
                .filter(Account::enabled)
                .flatMap(account -> db.sql("UPDATE api_key SET last_used_at = :now WHERE key_hash = :hash "
                                + "AND (last_used_at IS NULL OR last_used_at < :stale)")
                        .bind("now", clock.millis())
                        .bind("stale", clock.millis() - LAST_USED_PRECISION_MILLIS)
                        .bind("hash", hash)
                        .fetch().rowsUpdated()
                        .thenReturn(account))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static ApiKey apiKey(Readable row) {
        Long lastUsed = row.get("last_used_at", Long.class);
        return new ApiKey(row.get("id", String.class), row.get("name", String.class),
                Instant.ofEpochMilli(row.get("created_at", Long.class)),
                lastUsed == null ? null : Instant.ofEpochMilli(lastUsed));
    }
}
