package dev.minstrel.analytics.stats;

import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** What {@link StatsApi} needs from the server's accounts and security. */
public interface StatsAccess {

    /** The signed-in caller (session cookie or API key); empty when nobody is signed in (401). */
    Mono<StatsCaller> caller(ServerRequest request);

    /** The user id of a username; empty when no such user exists (404). */
    Mono<String> userIdOf(String username);
}
