package dev.minstrel.server.api;

import dev.minstrel.server.security.ClientAddressFilter;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;

import java.time.Duration;

/**
 * The two cookies of a web session: the HttpOnly session token, and the CSRF token that the page's
 * script reads and echoes in a header (Spring Security's double-submit names, so clients built for
 * it just work). Both SameSite=Lax, Secure whenever the browser's connection is HTTPS.
 */
public final class SessionCookies {

    public static final String SESSION = "MINSTREL_SESSION";
    public static final String CSRF = "XSRF-TOKEN";
    public static final String CSRF_HEADER = "X-XSRF-TOKEN";

    private SessionCookies() {
    }

    public static String session(ServerWebExchange exchange) {
        return value(exchange, SESSION);
    }

    public static String csrf(ServerWebExchange exchange) {
        return value(exchange, CSRF);
    }

    public static void setSession(ServerWebExchange exchange, String token, Duration maxAge) {
        exchange.getResponse().addCookie(cookie(exchange, SESSION, token, maxAge, true));
    }

    public static void clearSession(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie(exchange, SESSION, "", Duration.ZERO, true));
    }

    public static void setCsrf(ServerWebExchange exchange, String token) {
        exchange.getResponse().addCookie(cookie(exchange, CSRF, token, null, false));
    }

    private static ResponseCookie cookie(ServerWebExchange exchange, String name, String value, Duration maxAge,
                                         boolean httpOnly) {
        ResponseCookie.ResponseCookieBuilder builder = ResponseCookie.from(name, value)
                .path("/")
                .httpOnly(httpOnly)
                .secure(ClientAddressFilter.secure(exchange))
                .sameSite("Lax");
        return (maxAge == null ? builder : builder.maxAge(maxAge)).build();
    }

    private static String value(ServerWebExchange exchange, String name) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(name);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }
}
