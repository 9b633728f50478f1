package dev.minstrel.server.subsonic;

import dev.minstrel.server.security.LoginThrottle;
import dev.minstrel.server.security.LoginThrottledException;
import dev.minstrel.subsonic.auth.LoginGuard;
import reactor.core.publisher.Mono;

/** Subsonic sign-ins share the login throttle of every other way in. */
public class SubsonicLoginGuard implements LoginGuard {

    private final LoginThrottle throttle;

    public SubsonicLoginGuard(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    public Mono<Boolean> allows(String clientAddress, String username) {
        return throttle.check(clientAddress, username).thenReturn(true)
                .onErrorResume(LoginThrottledException.class, refused -> Mono.just(false));
    }

    @Override
    public Mono<Void> failed(String clientAddress, String username) {
        return throttle.failed(clientAddress, username);
    }

    @Override
    public Mono<Void> succeeded(String clientAddress, String username) {
        return throttle.succeeded(clientAddress, username);
    }
}
