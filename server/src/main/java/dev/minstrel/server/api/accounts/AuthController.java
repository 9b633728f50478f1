package dev.minstrel.server.api.accounts;

import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.accounts.invites.InviteRefusedException;
import dev.minstrel.server.accounts.invites.Invites;
import dev.minstrel.server.accounts.sessions.Sessions;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.SessionCookies;
import dev.minstrel.server.security.ClientAddressFilter;
import dev.minstrel.server.security.LoginThrottle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Logging in and out, and signing up with an invite code. */
@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private final Accounts accounts;
    private final Invites invites;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    public AuthController(Accounts accounts, Invites invites, Sessions sessions, LoginThrottle throttle) {
        this.accounts = accounts;
        this.invites = invites;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public record LoginRequest(String username, String password) {

        @Override
        public String toString() {
            return "LoginRequest[" + username + "]";
        }
    }

    public record SignupRequest(String inviteCode, String username, String password) {

        @Override
        public String toString() {
            return "SignupRequest[" + username + "]";
        }
    }

    @PostMapping("/login")
    public Mono<UserView> login(@RequestBody LoginRequest request, ServerWebExchange exchange) {
        String address = ClientAddressFilter.of(exchange);
        String username = request.username() == null || request.username().isBlank() ? null : request.username();
        if (username == null || request.password() == null) {
            return Mono.error(ApiException.badRequest("Send a username and a password"));
        }
        return throttle.check(address, username)
                .then(accounts.authenticate(username, request.password()))
                .switchIfEmpty(Mono.defer(() -> throttle.failed(address, username)
                        .then(Mono.error(ApiException.unauthorized("Wrong username or password")))))
                .flatMap(account -> throttle.succeeded(address, username).then(startSession(account, exchange)));
    }

    @PostMapping("/signup")
    public Mono<ResponseEntity<UserView>> signup(@RequestBody SignupRequest request, ServerWebExchange exchange) {
        String address = ClientAddressFilter.of(exchange);
        return throttle.check(address, null)
                .then(invites.signUp(request.inviteCode(), request.username(), request.password()))
                .onErrorResume(InviteRefusedException.class, e -> throttle.failed(address, null).then(Mono.error(e)))
                // the new user's address is one they signed in from: attacks on their name elsewhere spare it
                .flatMap(account -> throttle.succeeded(address, account.username()).thenReturn(account))
                .flatMap(account -> startSession(account, exchange))
                .map(user -> ResponseEntity.status(HttpStatus.CREATED).body(user));
    }

    @PostMapping("/logout")
    public Mono<ResponseEntity<Void>> logout(ServerWebExchange exchange) {
        String token = SessionCookies.session(exchange);
        Mono<Void> end = token == null ? Mono.empty() : sessions.resolve(token).flatMap(s -> sessions.end(s.id()));
        return end.then(Mono.fromRunnable(() -> SessionCookies.clearSession(exchange)))
                .thenReturn(ResponseEntity.noContent().build());
    }

    private Mono<UserView> startSession(Account account, ServerWebExchange exchange) {
        return sessions.open(account).map(session -> {
            SessionCookies.setSession(exchange, session.token(), sessions.ttl());
            return UserView.of(account);
        });
    }
}
