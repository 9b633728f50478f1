package dev.minstrel.server.api;

import dev.minstrel.server.accounts.Account;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who made an {@code /api} request: the account, and the web session it came through (null for an
 * API key). Controllers take it as a parameter; {@link ApiAuthenticationFilter} sets it.
 */
public record Caller(Account account, String sessionId) {

    static final String ATTRIBUTE = "dev.minstrel.caller";

    public Caller requireOwner() {
        if (!account.isOwner()) {
            throw ApiException.forbidden("Only the owner may do this");
        }
        return this;
    }

    /** The caller of an /api request that passed authentication, or null. */
    public static Caller of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
