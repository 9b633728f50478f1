package dev.minstrel.server.accounts;

import reactor.core.publisher.Mono;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

/** Creating accounts and checking passwords; the one place that hashes and seals them. */
public class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore store;
    private final PasswordHasher hasher;
    private final SecretBox secrets;
    private final Clock clock;

    public Accounts(AccountStore store, PasswordHasher hasher, SecretBox secrets, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.secrets = secrets;
        this.clock = clock;
    }

    public Mono<Account> create(String username, String password, Role role, boolean canDownload, boolean canIngest) {
        byte[] id = new byte[12];
        RANDOM.nextBytes(id);
        return store.insert(new Account("us-" + HexFormat.of().formatHex(id), username.strip(),
                hasher.hash(password), secrets.seal(password), role, canDownload, canIngest, true, clock.instant()));
    }

    /** The enabled account whose password this is, or empty. */
    public Mono<Account> authenticate(String username, String password) {
        return store.byUsername(username)
                .filter(Account::enabled)
                .filter(account -> hasher.matches(password, account.passwordHash()));
    }

    /** The account's password in clear, for Subsonic token checks only; never log it. */
    public String password(Account account) {
        return secrets.open(account.passwordSealed());
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
}
