package dev.minstrel.server.security;

import dev.minstrel.subsonic.protocol.Dispatcher;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Works out the client's address once per request and leaves it, as a String, in the exchange
 * attribute the Subsonic module declares ({@link Dispatcher#CLIENT_ADDRESS}: it reads the address
 * there, and a module cannot see the server's classes), for throttling and logging.
 * Behind the Cloudflare tunnel every request arrives from cloudflared on 127.0.0.1, so the
 * forwarding headers are believed, but only when the direct peer is a trusted proxy: from anyone
 * else they are ignored, or a client could pick any address it likes and dodge its throttle.
 * Also records whether the browser's connection was HTTPS ({@value #SECURE_ATTRIBUTE}), so cookies
 * get the Secure flag behind the tunnel, and then gives the request its https URI.
 */
public class ClientAddressFilter implements WebFilter, Ordered {

    public static final String SECURE_ATTRIBUTE = "dev.minstrel.secureConnection";
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private final TrustedProxies trusted;

    public ClientAddressFilter(TrustedProxies trusted) {
        this.trusted = trusted;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String peer = peer(request.getRemoteAddress());
        boolean viaProxy = trusted.trusts(peer);
        exchange.getAttributes().put(Dispatcher.CLIENT_ADDRESS, viaProxy ? forwardedClient(request, peer) : peer);
        boolean httpsViaProxy = viaProxy && "https".equalsIgnoreCase(first(request.getHeaders().getFirst("X-Forwarded-Proto")));
        exchange.getAttributes().put(SECURE_ATTRIBUTE, request.getSslInfo() != null || httpsViaProxy);
        if (httpsViaProxy && "http".equals(request.getURI().getScheme())) {
            // links the server writes into answers (signed cover-art URLs) must be https to the browser
            return chain.filter(exchange.mutate().request(r -> r.uri(UriComponentsBuilder.fromUri(request.getURI())
                    .scheme("https").port(-1).build(true).toUri())).build());
        }
        return chain.filter(exchange);
    }

    public static String of(ServerWebExchange exchange) {
        String address = exchange.getAttribute(Dispatcher.CLIENT_ADDRESS);
        return address == null ? peer(exchange.getRequest().getRemoteAddress()) : address;
    }

    public static boolean secure(ServerWebExchange exchange) {
        return Boolean.TRUE.equals(exchange.getAttribute(SECURE_ATTRIBUTE));
    }

    /**
     * Cloudflare's own header first; else the right-most {@code X-Forwarded-For} entry that is not
     * itself a trusted proxy (entries further left were written by the client and prove nothing).
     */
    String forwardedClient(ServerHttpRequest request, String peer) {
        String cloudflare = request.getHeaders().getFirst("CF-Connecting-IP");
        if (TrustedProxies.parse(cloudflare) != null) {
            return normalise(cloudflare);
        }
        List<String> forwarded = request.getHeaders().getOrEmpty("X-Forwarded-For").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(String::strip)
                .toList();
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = forwarded.get(i);
            if (TrustedProxies.parse(hop) == null) {
                return peer; // a mangled chain: trust nothing in it
            }
            if (!trusted.trusts(hop)) {
                return normalise(hop);
            }
        }
        return peer;
    }

    private static String first(String header) {
        return header == null ? null : header.split(",")[0].strip();
    }

    private static String peer(InetSocketAddress remote) {
        if (remote == null) {
            return "unknown";
        }
        InetAddress address = remote.getAddress();
        return address == null ? remote.getHostString() : address.getHostAddress();
    }

    private static String normalise(String literal) {
        try {
            return InetAddress.getByAddress(TrustedProxies.parse(literal)).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return literal.strip();
        }
    }
}
