package dev.minstrel.subsonic.auth;

import reactor.core.publisher.Mono;

/**
 * Limits failed sign-ins (not the API: a client sync sends hundreds of requests a minute). The
 * server implements it with bucket4j, whose buckets may live in Redis, so every method is
 * asynchronous and must not block the event loop.
 */
public interface LoginGuard {

    /** False when this address or username failed too often lately; the call is then refused unchecked. */
    Mono<Boolean> allows(String clientAddress, String username);

    /** Counts a failure; may complete late, to slow an attacker down. */
    Mono<Void> failed(String clientAddress, String username);

    Mono<Void> succeeded(String clientAddress, String username);

    /** A guard that never refuses, for tests and single-user setups. */
    static LoginGuard permissive() {
        return new LoginGuard() {
            @Override
            public Mono<Boolean> allows(String clientAddress, String username) {
                return Mono.just(true);
            }

            @Override
            public Mono<Void> failed(String clientAddress, String username) {
                return Mono.empty();
            }

            @Override
            public Mono<Void> succeeded(String clientAddress, String username) {
                return Mono.empty();
            }
        };
    }
}
