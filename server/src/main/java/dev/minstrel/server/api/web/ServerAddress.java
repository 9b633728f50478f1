package dev.minstrel.server.api.web;

import dev.minstrel.server.config.MinstrelProperties;
import org.springframework.web.server.ServerWebExchange;

import java.net.URI;

/**
 * The address friends type into their apps and open invite links at: the configured public URL
 * (the tunnel's hostname), else the address this request reached the server at (already https
 * when it came through the tunnel).
 */
public final class ServerAddress {

    private final String configured;

    public ServerAddress(MinstrelProperties properties) {
        this.configured = properties.web().publicAddress();
    }

    public boolean configured() {
        return configured != null;
    }

    public String of(ServerWebExchange exchange) {
        if (configured != null) {
            return configured;
        }
        URI uri = exchange.getRequest().getURI();
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
