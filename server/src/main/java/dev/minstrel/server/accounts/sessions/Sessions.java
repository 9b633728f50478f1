package dev.minstrel.server.accounts.sessions;

import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.accounts.AccountStore;
import dev.minstrel.server.accounts.SecretBox;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import javax.crypto.SecretKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/**
 * Web sessions: a short-lived JWT in an HttpOnly cookie, renewed while the user is active, that
 * names a row of {@code account_session}. Each request checks the row and the account, so logging
 * out, changing the password, or disabling or deleting the user ends the session at once, not
 * when the token expires.
 */
public class Sessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final SecretKey signingKey;
    private final Duration ttl;
    private final Clock clock;

    public Sessions(DatabaseClient db, SecretBox secrets, Duration ttl, Clock clock) {
        this.db = db;
        this.signingKey = Keys.hmacShaKeyFor(secrets.deriveKey("minstrel session tokens v1"));
        this.ttl = ttl;
        this.clock = clock;
    }

    public Duration ttl() {
        return ttl;
    }

    public Mono<Session> open(Account account) {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        return db.sql("DELETE FROM account_session WHERE expires_at < :now")
                .bind("now", now.toEpochMilli())
                .fetch().rowsUpdated()
                .then(db.sql("INSERT INTO account_session (id, account_id, created_at, expires_at) "
                                + "VALUES (:id, :account, :now, :expires)")
                        .bind("id", id)
                        .bind("account", account.id())
                        .bind("now", now.toEpochMilli())
                        .bind("expires", now.plus(ttl).toEpochMilli())
                        .fetch().rowsUpdated())
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(new Session(id, account, token(id, account, now), null));
    }

    /**
     * The live session this cookie value names, with its enabled account; empty when the token is
     * forged, expired, or its session or account is gone or disabled. A token past a third of its
     * life comes back with a renewed one to set in the cookie.
     */
    public Mono<Session> resolve(String token) {
        Claims claims;
        try {
            claims = Jwts.parser().verifyWith(signingKey).clock(() -> Date.from(clock.instant())).build()
                    .parseSignedClaims(token).getPayload();
        } catch (JwtException | IllegalArgumentException e) {
            return Mono.empty();
        }
        String id = claims.getId();
        String accountId = claims.getSubject();
        Instant issued = claims.getIssuedAt().toInstant();
        Instant now = clock.instant();
        return db.sql("SELECT " + AccountStore.columns("a") + " FROM account_session s "
                        + "JOIN account a ON a.id = s.account_id WHERE s.id = :id AND s.expires_at > :now")
                .bind("id", id)
                .bind("now", now.toEpochMilli())
                .map(AccountStore::account).one()
                .subscribeOn(Schedulers.boundedElastic())
                .filter(account -> account.enabled() && account.id().equals(accountId))
                .flatMap(account -> {
                    if (issued.plus(ttl.dividedBy(3)).isAfter(now)) {
                        return Mono.just(new Session(id, account, token, null));
                    }
                    return db.sql("UPDATE account_session SET expires_at = :expires WHERE id = :id")
                            .bind("expires", now.plus(ttl).toEpochMilli())
                            .bind("id", id)
                            .fetch().rowsUpdated()
                            .subscribeOn(Schedulers.boundedElastic())
                            .thenReturn(new Session(id, account, token, token(id, account, now)));
                });
    }

    public Mono<Void> end(String sessionId) {
        return db.sql("DELETE FROM account_session WHERE id = :id")
                .bind("id", sessionId)
                .fetch().rowsUpdated()
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    /** Ends every session of the account except {@code keep} (may be null: end them all). */
    public Mono<Void> endAll(String accountId, String keep) {
        return db.sql("DELETE FROM account_session WHERE account_id = :account AND id <> :keep")
                .bind("account", accountId)
                .bind("keep", keep == null ? "" : keep)
                .fetch().rowsUpdated()
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    private String token(String id, Account account, Instant now) {
        return Jwts.builder()
                .id(id)
                .subject(account.id())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ttl)))
                .signWith(signingKey)
                .compact();
    }
}
