package dev.minstrel.server.api;

import dev.minstrel.analytics.stats.StatsAccess;
import dev.minstrel.analytics.stats.StatsCaller;
import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.accounts.Accounts;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** The stats routes' view of the /api caller, whom {@link ApiAuthenticationFilter} already found. */
public final class StatsAccessForApi implements StatsAccess {

    private final Accounts accounts;

    public StatsAccessForApi(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Mono<StatsCaller> caller(ServerRequest request) {
        return Mono.justOrEmpty(Caller.of(request.exchange()))
                .map(caller -> new StatsCaller(caller.account().id(), caller.account().username(),
                        caller.account().isOwner()));
    }

    @Override
    public Mono<String> userIdOf(String username) {
        return accounts.byUsername(username).map(Account::id);
    }
}
