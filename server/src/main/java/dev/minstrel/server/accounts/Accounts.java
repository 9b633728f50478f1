package dev.minstrel.server.accounts;

import org.springframework.dao.DataIntegrityViolationException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Creating, finding, changing and deleting accounts, and checking passwords: the one place that
 * hashes and seals them. Sessions and API keys of an account are ended elsewhere, by the caller
 * that knows about them.
 */
public class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final SecretBox secrets;
    private final Clock clock;
    /** A hash of nothing anybody types, checked against for unknown users. */
    private final Supplier<String> decoyHash;

    public Accounts(AccountStore store, PasswordHasher hasher, SecretBox secrets, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.secrets = secrets;
        this.clock = clock;
        this.decoyHash = memoize(() -> hasher.hash(generatePassword()));
    }

    private static Supplier<String> memoize(Supplier<String> compute) {
        AtomicReference<String> value = new AtomicReference<>();
        return () -> value.updateAndGet(current -> current != null ? current : compute.get());
    }

    /** A new enabled account; fails with {@link AccountsException} on a bad or taken username or a weak password. */
    public Mono<Account> create(String username, String password, Role role, boolean canDownload, boolean canIngest) {
        return Mono.fromCallable(() -> {
                    String name = Credentials.username(username);
                    Credentials.password(password, name);
                    byte[] id = new byte[12];
                    RANDOM.nextBytes(id);
                    boolean owner = role == Role.OWNER;
                    return new Account("us-" + HexFormat.of().formatHex(id), name, hasher.hash(password),
                            secrets.seal(password), role, owner || canDownload, owner || canIngest, true,
                            Instant.ofEpochMilli(clock.millis()));
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(account -> store.byUsername(account.username())
                        .flatMap(taken -> Mono.<Account>error(usernameTaken()))
                        .switchIfEmpty(Mono.defer(() -> store.insert(account))))
                .onErrorMap(DataIntegrityViolationException.class, e -> usernameTaken());
    }

    private static AccountsException usernameTaken() {
        return AccountsException.conflict("That username is taken");
    }

    /**
     * The enabled account whose password this is, or empty. An unknown or disabled user costs a
     * hash check all the same, so the answer's timing does not tell which usernames exist.
     */
    public Mono<Account> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > Credentials.MAX_PASSWORD_LENGTH) {
            return Mono.empty();
        }
        return store.byUsername(username)
                .switchIfEmpty(Mono.fromRunnable(() -> hasher.matches(password, decoyHash.get())))
                .filter(account -> hasher.matches(password, account.passwordHash()))
                .filter(Account::enabled);
    }

    /**
     * The enabled account of this name with its password in clear, for Subsonic authentication
     * ({@code p}, or {@code t}/{@code s} token checks); empty for an unknown or disabled user.
     */
    public Mono<SubsonicCredentials> findForSubsonic(String username) {
        if (username == null || username.isBlank()) {
            return Mono.empty();
        }
        return store.byUsername(username)
                .filter(Account::enabled)
                .map(account -> new SubsonicCredentials(account, password(account)));
    }

    /** The account's password in clear, for Subsonic token checks only; never log it. */
    public String password(Account account) {
        return secrets.open(account.passwordSealed());
    }

    public Mono<Account> byUsername(String username) {
        return username == null || username.isBlank() ? Mono.empty() : store.byUsername(username);
    }

    /** The account, only while it still exists and is enabled. */
    public Mono<Account> activeById(String id) {
        return store.byId(id).filter(Account::enabled);
    }

    public Flux<Account> all() {
        return store.all();
    }

    /** Changes the password after checking the current one, which a stolen session alone does not know. */
    public Mono<Void> changePassword(Account account, String currentPassword, String newPassword) {
        return authenticate(account.username(), currentPassword)
                .switchIfEmpty(Mono.error(() -> AccountsException.forbidden("The current password is wrong")))
                .flatMap(current -> Mono.fromCallable(() -> {
                            Credentials.password(newPassword, current.username());
                            return current;
                        })
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(valid -> store.updatePassword(valid.id(), hasher.hash(newPassword),
                                secrets.seal(newPassword))));
    }

    /** Sets a user's password as the owner {@code actor} (for a friend who forgot theirs). */
    public Mono<Account> resetPassword(Account actor, String username, String newPassword) {
        if (!actor.isOwner()) {
            return Mono.error(AccountsException.forbidden("Only the owner manages users"));
        }
        return existing(username).flatMap(target -> Mono.fromCallable(() -> {
                    Credentials.password(newPassword, target.username());
                    return target;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(valid -> store.updatePassword(valid.id(), hasher.hash(newPassword), secrets.seal(newPassword)))
                .thenReturn(target));
    }

    /**
     * Changes another user's role, grants or enabled flag, as the owner {@code actor}; a null
     * field is left as it is. Owners keep every grant, and no owner can lock themself out.
     */
    public Mono<Account> changeAccess(Account actor, String username, AccessChange change) {
        if (!actor.isOwner()) {
            return Mono.error(AccountsException.forbidden("Only the owner manages users"));
        }
        return existing(username).flatMap(target -> {
            boolean self = target.id().equals(actor.id());
            Role role = change.role() == null ? target.role() : change.role();
            boolean enabled = change.enabled() == null ? target.enabled() : change.enabled();
            if (self && (role != Role.OWNER || !enabled)) {
                return Mono.error(AccountsException.conflict("The owner cannot demote or disable themself"));
            }
            boolean owner = role == Role.OWNER;
            boolean download = owner || (change.download() == null ? target.canDownload() : change.download());
            boolean ingest = owner || (change.ingest() == null ? target.canIngest() : change.ingest());
            return store.updateAccess(new Account(target.id(), target.username(), target.passwordHash(),
                    target.passwordSealed(), role, download, ingest, enabled, target.createdAt()));
        });
    }

    /** Deletes a user as the owner {@code actor}, with their sessions and API keys; returns the deleted account. */
    public Mono<Account> delete(Account actor, String username) {
        if (!actor.isOwner()) {
            return Mono.error(AccountsException.forbidden("Only the owner manages users"));
        }
        return existing(username).flatMap(target -> target.id().equals(actor.id())
                ? Mono.error(AccountsException.conflict("The owner cannot delete themself"))
                : store.delete(target.id()).thenReturn(target));
    }

    private Mono<Account> existing(String username) {
        return byUsername(username)
                .switchIfEmpty(Mono.error(() -> AccountsException.notFound("No user named " + username)));
    }

    public AccountStore store() {
        return store;
    }

    /** A password a person can type: 20 characters from an unambiguous alphabet (~100 bits). */
    public static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    /** What an owner may change about a user; null leaves that part as it is. */
    public record AccessChange(Role role, Boolean enabled, Boolean download, Boolean ingest) {
    }
}
