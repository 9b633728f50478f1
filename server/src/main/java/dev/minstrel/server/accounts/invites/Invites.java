package dev.minstrel.server.accounts.invites;

import dev.minstrel.library.catalogue.CleanText;
import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.accounts.AccountsException;
import dev.minstrel.server.accounts.Credentials;
import dev.minstrel.server.accounts.Role;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Invite codes: the only way a friend gets an account. */
public class Invites {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);
    private static final Duration MAX_VALIDITY = Duration.ofDays(366);
    private static final int MAX_USES = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseClient db;
    private final Accounts accounts;
    private final Clock clock;

    public Invites(DatabaseClient db, Accounts accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * What the owner asks for; null fields take their defaults (a friend, no grants, one use,
     * valid for {@link #DEFAULT_VALIDITY}).
     */
    public record Request(Role role, Boolean download, Boolean ingest, String note, Integer maxUses,
                          Instant expiresAt) {
    }

    public Mono<Invite> create(Account owner, Request request) {
        if (!owner.isOwner()) {
            return Mono.error(AccountsException.forbidden("Only the owner invites"));
        }
        Instant now = Instant.ofEpochMilli(clock.millis()); // what the database keeps
        int maxUses = request.maxUses() == null ? 1 : request.maxUses();
        Instant expiresAt = request.expiresAt() == null ? now.plus(DEFAULT_VALIDITY) : request.expiresAt();
        String note = request.note() == null || request.note().isBlank() ? null : CleanText.of(request.note()).strip();
        if (maxUses < 1 || maxUses > MAX_USES) {
            return Mono.error(AccountsException.invalid("maxUses must be between 1 and " + MAX_USES));
        }
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(MAX_VALIDITY))) {
            return Mono.error(AccountsException.invalid("expiresAt must be in the future, at most a year away"));
        }
        if (note != null && note.length() > 200) {
            return Mono.error(AccountsException.invalid("A note may have at most 200 characters"));
        }
        Role role = request.role() == null ? Role.FRIEND : request.role();
        boolean ownerRole = role == Role.OWNER;
        Invite invite = new Invite(newCode(), role, ownerRole || Boolean.TRUE.equals(request.download()),
                ownerRole || Boolean.TRUE.equals(request.ingest()), note, maxUses, 0, expiresAt, false,
                owner.username(), now, List.of());
        return db.sql("INSERT INTO invite (code, role, can_download, can_ingest, note, max_uses, uses, expires_at, "
                        + "revoked, created_by, created_at) VALUES (:code, :role, :download, :ingest, :note, :max, 0, "
                        + ":expires, FALSE, :by, :created)")
                .bind("code", invite.code())
                .bind("role", role.key())
                .bind("download", invite.canDownload())
                .bind("ingest", invite.canIngest())
                .bind("note", Parameter.fromOrEmpty(note, String.class))
                .bind("max", maxUses)
                .bind("expires", expiresAt.toEpochMilli())
                .bind("by", owner.username())
                .bind("created", now.toEpochMilli())
                .fetch().rowsUpdated()
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(invite);
    }

    /** Every invite, newest first, with who used it. */
    public Flux<Invite> list() {
        Mono<Map<String, List<Invite.Use>>> uses = db.sql("SELECT invite_code, username, used_at FROM invite_use "
                        + "ORDER BY used_at")
                .map(row -> Map.entry(row.get("invite_code", String.class), new Invite.Use(
                        row.get("username", String.class), Instant.ofEpochMilli(row.get("used_at", Long.class)))))
                .all()
                .collect(HashMap<String, List<Invite.Use>>::new,
                        (map, use) -> map.computeIfAbsent(use.getKey(), code -> new ArrayList<>()).add(use.getValue()))
                .map(map -> (Map<String, List<Invite.Use>>) map);
        return uses.flatMapMany(byCode -> db.sql("SELECT * FROM invite ORDER BY created_at DESC, code")
                        .map(row -> invite(row, byCode)).all())
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The invite with this code, without its uses; empty when there is none. */
    public Mono<Invite> find(String code) {
        if (code == null || code.isBlank() || code.length() > 32) {
            return Mono.empty();
        }
        return db.sql("SELECT * FROM invite WHERE code = :code").bind("code", code)
                .map(row -> invite(row, Map.of())).one()
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Revokes a code so nobody else can use it; it stays listed. False when there is no such code. */
    public Mono<Boolean> revoke(String code) {
        return db.sql("UPDATE invite SET revoked = TRUE WHERE code = :code")
                .bind("code", code)
                .fetch().rowsUpdated()
                .map(n -> n > 0)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * Creates an account with this invite's role and grants. One use of the code is claimed
     * atomically first, so a code cannot be used more often than allowed even by requests racing
     * each other, and given back when the account cannot be created (say, the username is taken).
     * Fails with {@link InviteRefusedException} for a code that is not usable.
     */
    public Mono<Account> signUp(String code, String username, String password) {
        String name;
        try {
            name = Credentials.username(username);
            Credentials.password(password, name);
        } catch (AccountsException e) {
            return Mono.error(e);
        }
        if (code == null || code.isBlank() || code.length() > 32) {
            return Mono.error(new InviteRefusedException());
        }
        return claim(code)
                .flatMap(invite -> accounts.create(name, password, invite.role(), invite.canDownload(),
                                invite.canIngest())
                        .onErrorResume(e -> release(code).then(Mono.error(e))))
                .flatMap(account -> db.sql("INSERT INTO invite_use (invite_code, username, used_at) "
                                + "VALUES (:code, :username, :now)")
                        .bind("code", code)
                        .bind("username", account.username())
                        .bind("now", clock.millis())
                        .fetch().rowsUpdated()
                        .subscribeOn(Schedulers.boundedElastic())
                        .thenReturn(account));
    }

    private Mono<Invite> claim(String code) {
        return db.sql("UPDATE invite SET uses = uses + 1 WHERE code = :code AND revoked = FALSE "
                        + "AND uses < max_uses AND expires_at > :now")
                .bind("code", code)
                .bind("now", clock.millis())
                .fetch().rowsUpdated()
                .flatMap(claimed -> claimed == 0 ? Mono.<Invite>error(new InviteRefusedException()) : find(code))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> release(String code) {
        return db.sql("UPDATE invite SET uses = uses - 1 WHERE code = :code AND uses > 0")
                .bind("code", code)
                .fetch().rowsUpdated()
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    /** 96 random bits, URL-safe, 16 characters. */
    private static String newCode() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Invite invite(Readable row, Map<String, List<Invite.Use>> uses) {
        String code = row.get("code", String.class);
        return new Invite(code, Role.ofKey(row.get("role", String.class)),
                Boolean.TRUE.equals(row.get("can_download", Boolean.class)),
                Boolean.TRUE.equals(row.get("can_ingest", Boolean.class)),
                row.get("note", String.class),
                row.get("max_uses", Integer.class),
                row.get("uses", Integer.class),
                Instant.ofEpochMilli(row.get("expires_at", Long.class)),
                Boolean.TRUE.equals(row.get("revoked", Boolean.class)),
                row.get("created_by", String.class),
                Instant.ofEpochMilli(row.get("created_at", Long.class)),
                uses.getOrDefault(code, List.of()));
    }
}
