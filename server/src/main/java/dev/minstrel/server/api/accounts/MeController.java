package dev.minstrel.server.api.accounts;

import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.accounts.AccountsException;
import dev.minstrel.server.accounts.apikeys.ApiKey;
import dev.minstrel.server.accounts.apikeys.ApiKeys;
import dev.minstrel.server.accounts.sessions.Sessions;
import dev.minstrel.server.api.ApiException;
import dev.minstrel.server.api.Caller;
import dev.minstrel.server.security.ClientAddressFilter;
import dev.minstrel.server.security.LoginThrottle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;

/** The caller's own account: who they are, their password, their API keys. */
@RestController
@RequestMapping("/api/me")
public class MeController {

    private final Accounts accounts;
    private final ApiKeys apiKeys;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    public MeController(Accounts accounts, ApiKeys apiKeys, Sessions sessions, LoginThrottle throttle) {
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    public record PasswordChange(String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[]";
        }
    }

    public record NewApiKey(String name) {
    }

    /** A new key: {@code key} is shown this once and cannot be read again. */
    public record CreatedApiKey(String id, String name, String key, Instant createdAt) {

        @Override
        public String toString() {
            return "CreatedApiKey[" + id + "]";
        }
    }

    @GetMapping
    public UserView me(Caller caller) {
        return UserView.of(caller.account());
    }

    /**
     * Needs the current password, so a stolen session cannot take the account over; guesses at it
     * are throttled like logins. Every other session of the user ends; this one goes on.
     */
    @PostMapping("/password")
    public Mono<ResponseEntity<Void>> changePassword(Caller caller, @RequestBody PasswordChange change,
                                                     ServerWebExchange exchange) {
        String address = ClientAddressFilter.of(exchange);
        String username = caller.account().username();
        return throttle.check(address, username)
                .then(accounts.changePassword(caller.account(), change.currentPassword(), change.newPassword()))
                .onErrorResume(AccountsException.class, e -> e.kind() == AccountsException.Kind.FORBIDDEN
                        ? throttle.failed(address, username).then(Mono.error(e)) : Mono.error(e))
                .then(throttle.succeeded(address, username))
                .then(sessions.endAll(caller.account().id(), caller.sessionId()))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/api-keys")
    public Flux<ApiKey> apiKeys(Caller caller) {
        return apiKeys.list(caller.account());
    }

    @PostMapping("/api-keys")
    public Mono<ResponseEntity<CreatedApiKey>> createApiKey(Caller caller, @RequestBody NewApiKey request) {
        return apiKeys.create(caller.account(), request.name())
                .map(created -> ResponseEntity.status(HttpStatus.CREATED).body(new CreatedApiKey(
                        created.apiKey().id(), created.apiKey().name(), created.key(), created.apiKey().createdAt())));
    }

    /** Only the caller's own keys: another user's key id is answered as unknown. */
    @DeleteMapping("/api-keys/{id}")
    public Mono<ResponseEntity<Void>> revokeApiKey(Caller caller, @PathVariable String id) {
        return apiKeys.revoke(caller.account(), id).flatMap(revoked -> revoked
                ? Mono.just(ResponseEntity.noContent().<Void>build())
                : Mono.error(ApiException.notFound("You have no API key " + id)));
    }
}
