package dev.minstrel.server.subsonic;

import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.accounts.SubsonicRoles;
import dev.minstrel.server.accounts.apikeys.ApiKeys;
import dev.minstrel.subsonic.auth.SubsonicAccounts;
import dev.minstrel.subsonic.auth.SubsonicUser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Minstrel's accounts as the Subsonic API sees them: roles mapped, the password unsealed for token checks. */
public class AccountsForSubsonic implements SubsonicAccounts {

    private final Accounts accounts;
    private final ApiKeys apiKeys;

    public AccountsForSubsonic(Accounts accounts, ApiKeys apiKeys) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
    }

    @Override
    public Mono<SubsonicUser> byUsername(String username) {
        return accounts.findForSubsonic(username).map(found -> user(found.account(), found.password()));
    }

    @Override
    public Mono<SubsonicUser> byApiKey(String apiKey) {
        return apiKeys.resolve(apiKey).map(account -> user(account, null));
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
