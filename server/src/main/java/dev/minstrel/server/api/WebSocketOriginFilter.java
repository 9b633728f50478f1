package dev.minstrel.server.api;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.Locale;

/**
 * Refuses a WebSocket handshake under {@code /api} sent from another site's page. Browsers send
 * the session cookie with a handshake from any origin and apply no same-origin rule to
 * WebSockets, so without this check any page a signed-in owner visits could read their live
 * ingest progress (cross-site WebSocket hijacking). The origin must be the one the request reached
 * the server at, which behind the tunnel is the public https address (the client-address filter
 * has already made the request URI https there), or the configured public address
 * ({@code minstrel.web.public-url}). Scripts and apps send no Origin and pass: they authenticate
 * with an API key, which no other site can use.
 */
public class WebSocketOriginFilter implements WebFilter, Ordered {

    private final URI publicAddress;

    /** @param publicAddress the configured public address, or null */
    public WebSocketOriginFilter(String publicAddress) {
        this.publicAddress = publicAddress == null ? null : URI.create(publicAddress);
    }

    @Override
    public int getOrder() {
        return ApiAuthenticationFilter.ORDER - 20; // after the client-address filter, before authentication
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        if (origin == null || !request.getPath().value().startsWith("/api/")
                || !"websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())
                || sameOrigin(origin, request.getURI())
                || publicAddress != null && sameOrigin(origin, publicAddress)) {
            return chain.filter(exchange);
        }
        return Mono.error(ApiException.forbidden("This WebSocket may only be opened from Minstrel's own pages"));
    }

    private static boolean sameOrigin(String header, URI request) {
        URI origin;
        try {
            origin = URI.create(header.strip());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
        return origin.getScheme() != null && origin.getHost() != null
                && origin.getScheme().toLowerCase(Locale.ROOT).equals(request.getScheme())
                && origin.getHost().equalsIgnoreCase(request.getHost())
                && port(origin) == port(request);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
