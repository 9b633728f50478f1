package dev.minstrel.server.api;

import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;

import java.time.Duration;

/** How the live /api streams keep their connections open through the Cloudflare tunnel. */
public final class KeepAlive {

    /** Well under the 100 s after which Cloudflare's tunnel drops an idle connection. */
    public static final Duration INTERVAL = Duration.ofSeconds(20);

    private KeepAlive() {
    }

    /**
     * The events with a keep-alive comment at once and every {@link #INTERVAL}: the first one
     * sends the answer's head now, not with the first event minutes later.
     */
    public static Flux<ServerSentEvent<String>> serverSentEvents(Flux<ServerSentEvent<String>> events) {
        return Flux.merge(events, Flux.interval(Duration.ZERO, INTERVAL)
                .map(n -> ServerSentEvent.<String>builder().comment("keep-alive").build()));
    }
}
