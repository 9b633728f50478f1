package dev.minstrel.subsonic.auth;

import dev.minstrel.subsonic.protocol.Authenticator;
import dev.minstrel.subsonic.protocol.Params;
import dev.minstrel.subsonic.protocol.SubsonicException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoginGuardTest {

    private final SubsonicUser alice = new SubsonicUser("1", "alice", null, "pw", true, true, true, true);
    private final SubsonicAccounts accounts = new SubsonicAccounts() {
        @Override
        public Mono<SubsonicUser> byUsername(String username) {
            return username.equals("alice") ? Mono.just(alice) : Mono.empty();
        }

        @Override
        public Mono<SubsonicUser> byApiKey(String apiKey) {
            return Mono.empty();
        }

        @Override
        public Flux<SubsonicUser> all() {
            return Flux.just(alice);
        }
    };

    /** Refuses after two failures, and records what it was told. */
    private static final class CountingGuard implements LoginGuard {
        final List<String> events = new ArrayList<>();
        int failures;

        @Override
        public Mono<Boolean> allows(String clientAddress, String username) {
            return Mono.fromSupplier(() -> failures < 2);
        }

        @Override
        public Mono<Void> failed(String clientAddress, String username) {
            return Mono.fromRunnable(() -> {
                failures++;
                events.add("failed " + clientAddress + " " + username);
            });
        }

        @Override
        public Mono<Void> succeeded(String clientAddress, String username) {
            return Mono.fromRunnable(() -> events.add("ok " + clientAddress + " " + username));
        }
    }

    @Test
    void failuresAreReportedAndTooManyAreRefusedBeforeThePasswordIsChecked() {
        CountingGuard guard = new CountingGuard();
        Authenticator authenticator = new Authenticator(accounts, guard);
        Params wrong = Params.of(Map.of("u", List.of("alice"), "p", List.of("bad")));
        Params right = Params.of(Map.of("u", List.of("alice"), "p", List.of("pw")));

        StepVerifier.create(authenticator.authenticate(right, "10.0.0.1")).expectNext(alice).verifyComplete();
        StepVerifier.create(authenticator.authenticate(wrong, "10.0.0.1")).expectError(SubsonicException.class).verify();
        StepVerifier.create(authenticator.authenticate(wrong, "10.0.0.1")).expectError(SubsonicException.class).verify();
        StepVerifier.create(authenticator.authenticate(right, "10.0.0.1"))
                .expectErrorSatisfies(e -> assertThat(e).hasMessage(Authenticator.TOO_MANY_ATTEMPTS)).verify();

        assertThat(guard.events).containsExactly("ok 10.0.0.1 alice", "failed 10.0.0.1 alice", "failed 10.0.0.1 alice");
    }

    @Test
    void theUserRecordNeverPrintsItsPassword() {
        assertThat(alice.toString()).doesNotContain("pw").contains("alice");
    }
}
