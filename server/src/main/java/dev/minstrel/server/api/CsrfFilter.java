package dev.minstrel.server.api;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Double-submit CSRF protection for {@code /api}: every answer without the {@code XSRF-TOKEN}
 * cookie sets one, and a state-changing request that carries the session cookie must echo it in
 * {@code X-XSRF-TOKEN}. Another site can make the browser send the cookies but cannot read them
 * to write the header. Requests with {@code Authorization: Bearer} carry no ambient credential,
 * so they need no token; {@code /rest} is left alone (Subsonic clients authenticate every request
 * themselves).
 */
public class CsrfFilter implements WebFilter, Ordered {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    public int getOrder() {
        return ApiAuthenticationFilter.ORDER - 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String token = SessionCookies.csrf(exchange);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            SessionCookies.setCsrf(exchange, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
        if (needsToken(exchange) && !matches(token, exchange.getRequest().getHeaders().getFirst(SessionCookies.CSRF_HEADER))) {
            return Mono.error(ApiException.forbidden("The CSRF token is missing or wrong: send the XSRF-TOKEN "
                    + "cookie's value in an X-XSRF-TOKEN header"));
        }
        return chain.filter(exchange);
    }

    private static boolean needsToken(ServerWebExchange exchange) {
        return !SAFE.contains(exchange.getRequest().getMethod())
                && SessionCookies.session(exchange) != null
                && !ApiAuthenticationFilter.hasBearer(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
    }

    private static boolean matches(String cookie, String header) {
        return cookie != null && header != null && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }
}
