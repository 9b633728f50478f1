package dev.minstrel.subsonic.auth;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The accounts the Subsonic API authenticates against; the server implements it on its accounts
 * table. Implementations must not block the calling (event-loop) thread: run blocking lookups on
 * {@code Schedulers.boundedElastic()} or serve them from memory. They are called on every request,
 * so caching is welcome.
 */
public interface SubsonicAccounts {

    /** The account with this username (compared case-insensitively), or empty. */
    Mono<SubsonicUser> byUsername(String username);

    /** The account an OpenSubsonic API key belongs to, or empty when the key is unknown or revoked. */
    Mono<SubsonicUser> byApiKey(String apiKey);

    /** Every account, for getUsers and for naming playlist owners. */
    Flux<SubsonicUser> all();
}
