package dev.minstrel.server.subsonic;

import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.accounts.AccountStore;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.accounts.SubsonicRoles;
import dev.minstrel.server.accounts.apikeys.ApiKeys;
import dev.minstrel.server.accounts.sessions.PlayerKeys;
import dev.minstrel.subsonic.auth.SubsonicAccounts;
import dev.minstrel.subsonic.auth.SubsonicUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Minstrel's accounts as the Subsonic API sees them: roles mapped, the password unsealed for token
 * checks. Every Subsonic call authenticates, so found accounts are kept in memory until any
 * account is written (a disabled, deleted or re-passworded user stops working at once), and on a
 * database shared with other instances for a few seconds at most. An
 * {@code apiKey} is either one of the user's own keys or the web page's key of a live session.
 */
public class AccountsForSubsonic implements SubsonicAccounts {

    private record Cached(long changes, long loadedNanos, SubsonicUser user) {
    }

    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final PlayerKeys playerKeys;
    private final Duration sharedFor;
    private final Map<String, Cached> byUsername = new ConcurrentHashMap<>();

    /**
     * @param sharedFor on a database other instances write too (their writes do not count here),
     *                  how long a found account is kept at most; null when this instance is alone
     */
    public AccountsForSubsonic(Accounts accounts, ApiKeys apiKeys, PlayerKeys playerKeys, Duration sharedFor) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.playerKeys = playerKeys;
        this.sharedFor = sharedFor;
    }

    @Override
    public Mono<SubsonicUser> byUsername(String username) {
        if (username == null || username.isBlank()) {
            return Mono.empty();
        }
        long changes = accounts.store().changes();
        String key = AccountStore.key(username);
        Cached cached = byUsername.get(key);
        long now = System.nanoTime();
        if (cached != null && cached.changes() == changes
                && (sharedFor == null || now - cached.loadedNanos() < sharedFor.toNanos())) {
            return Mono.just(cached.user());
        }
        return accounts.findForSubsonic(username)
                .map(found -> user(found.account(), found.password()))
                .doOnNext(user -> byUsername.put(key, new Cached(changes, now, user)));
    }

    @Override
    public Mono<SubsonicUser> byApiKey(String apiKey) {
        return (PlayerKeys.isPlayerKey(apiKey) ? playerKeys.resolve(apiKey) : apiKeys.resolve(apiKey))
                .map(account -> user(account, null));
    }

    @Override
    public Flux<SubsonicUser> all() {
        return accounts.all().map(account -> user(account, null));
    }

    private static SubsonicUser user(Account account, String password) {
        SubsonicRoles roles = SubsonicRoles.of(account);
        return new SubsonicUser(account.id(), account.username(), null, password, roles.admin(), roles.download(),
                roles.upload(), account.enabled());
    }
}
