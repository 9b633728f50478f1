package dev.minstrel.server.api;

import dev.minstrel.server.accounts.apikeys.ApiKeys;
import dev.minstrel.server.accounts.sessions.Sessions;
import dev.minstrel.server.security.ClientAddressFilter;
import dev.minstrel.server.security.LoginThrottle;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Works out the {@link Caller} of every {@code /api} request but the few that come before an
 * account (login, sign-up, logout, checking an invite code, the health status asked anonymously): from {@code Authorization: Bearer <API key>} if present, else
 * from the session cookie. The session and account are looked up on every request, so a revoked
 * session, or a disabled or deleted user, is refused at once. A session token getting old is
 * renewed in the answer's cookie. Wrong API keys count against the address like wrong passwords.
 * Credentials are never read from the URL.
 */
public class ApiAuthenticationFilter implements WebFilter, Ordered {

    public static final int ORDER = ClientAddressFilter.ORDER + 40;
    private static final Set<String> OPEN = Set.of("/api/auth/login", "/api/auth/signup", "/api/auth/logout");
    /** Anyone may ask for the health status; a caller who shows credentials is identified (the owner sees the checks). */
    private static final String HEALTH = "/api/health";
    /** The join page checks an invite code before its visitor has an account. */
    private static final String OPEN_INVITE_CHECK = "/api/join/";

    private final Sessions sessions;
    private final ApiKeys apiKeys;
    private final LoginThrottle throttle;

    public ApiAuthenticationFilter(Sessions sessions, ApiKeys apiKeys, LoginThrottle throttle) {
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.throttle = throttle;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/") || OPEN.contains(path) || path.startsWith(OPEN_INVITE_CHECK)) {
            return chain.filter(exchange);
        }
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (path.equals(HEALTH) && authorization == null && SessionCookies.session(exchange) == null) {
            return chain.filter(exchange);
        }
        Mono<Caller> caller;
        if (hasBearer(authorization)) {
            caller = byApiKey(exchange, authorization.substring("Bearer ".length()).strip());
        } else if (authorization != null) {
            caller = Mono.error(ApiException.unauthorized("Only Authorization: Bearer <API key> is understood here"));
        } else {
            caller = bySession(exchange);
        }
        return caller.flatMap(found -> {
            exchange.getAttributes().put(Caller.ATTRIBUTE, found);
            return chain.filter(exchange);
        });
    }

    static boolean hasBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private Mono<Caller> byApiKey(ServerWebExchange exchange, String key) {
        String address = ClientAddressFilter.of(exchange);
        return throttle.check(address, null)
                .then(apiKeys.resolve(key))
                .map(account -> new Caller(account, null))
                .switchIfEmpty(Mono.defer(() -> throttle.failed(address, null)
                        .then(Mono.error(ApiException.unauthorized("This API key is not valid")))));
    }

    private Mono<Caller> bySession(ServerWebExchange exchange) {
        String token = SessionCookies.session(exchange);
        if (token == null) {
            return Mono.error(ApiException.unauthorized("Log in first, or send Authorization: Bearer <API key>"));
        }
        return sessions.resolve(token)
                .map(session -> {
                    if (session.renewedToken() != null) {
                        SessionCookies.setSession(exchange, session.renewedToken(), sessions.ttl());
                    }
                    return new Caller(session.account(), session.id());
                })
                .switchIfEmpty(Mono.defer(() -> {
                    SessionCookies.clearSession(exchange);
                    return Mono.error(ApiException.unauthorized("The session has ended: log in again"));
                }));
    }
}
