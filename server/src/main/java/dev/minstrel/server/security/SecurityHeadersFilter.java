package dev.minstrel.server.security;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Headers that keep a browser from being turned against Minstrel: no content sniffing, no framing
 * (clickjacking), a content security policy that only allows Minstrel's own scripts, styles and
 * media, and no referrer (invite links carry their code). {@code /api} answers are never cached.
 */
public class SecurityHeadersFilter implements WebFilter, Ordered {

    public static final String CSP_HEADER = "Content-Security-Policy";
    static final String CONTENT_SECURITY_POLICY = contentSecurityPolicy(null);

    /**
     * The policy, optionally allowing one more script source: the web page's shell allows its
     * inline import map by hash. A response that already carries a policy keeps it.
     */
    public static String contentSecurityPolicy(String extraScriptSource) {
        return "default-src 'self'; script-src 'self'" + (extraScriptSource == null ? "" : " " + extraScriptSource)
                + "; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    public int getOrder() {
        return ClientAddressFilter.ORDER + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        boolean api = exchange.getRequest().getPath().value().startsWith("/api/");
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            if (!headers.containsHeader(CSP_HEADER)) {
                headers.set(CSP_HEADER, CONTENT_SECURITY_POLICY);
            }
            // An /api answer is private and changes: not stored, unless its handler said how long a
            // browser may keep it (an image such as the recap card, revalidated by its ETag).
            if (api && !headers.containsHeader(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
