package dev.minstrel.server.security;

import dev.minstrel.server.config.MinstrelProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginThrottleTest {

    private final AtomicReference<Instant> clock = new AtomicReference<>(Instant.now());
    private final LoginThrottle throttle = new LoginThrottle(new LocalThrottleBuckets(),
            new MinstrelProperties.Throttle(4, 3, Duration.ofMinutes(15), Duration.ofMillis(200)), clock::get);

    /** An attempt as every way in makes it: check first, then report the failure. */
    private void fail(String address, String username) {
        throttle.check(address, username).block();
        throttle.failed(address, username).block();
    }

    private void succeed(String address, String username) {
        throttle.check(address, username).block();
        throttle.succeeded(address, username).block();
    }

    /** Checks as many attempts as get through at once, before any of them is answered. */
    private int checkedAtOnce(int attempts, String username) {
        int passed = 0;
        for (int i = 0; i < attempts; i++) {
            try {
                throttle.check("198.51.100." + (i + 1), username).block();
                passed++;
            } catch (LoginThrottledException refused) {
                // over the cap
            }
        }
        return passed;
    }

    @Test
    void anAddressIsSlowedAfterHalfItsAllowanceAndBlockedAfterAll() {
        throttle.check("203.0.113.1", null).block();
        long start = System.nanoTime();
        fail("203.0.113.1", null);
        fail("203.0.113.1", null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(150));

        start = System.nanoTime();
        fail("203.0.113.1", null);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        fail("203.0.113.1", null);

        assertThatThrownBy(() -> throttle.check("203.0.113.1", null).block())
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> assertThat(e.retryAfterSeconds())
                        .isBetween(1L, 15 * 60L));
        throttle.check("203.0.113.2", null).block();
    }

    @Test
    void aUsernameUnderAttackStaysOpenToAddressesThatLoggedInAsItAndASuccessClearsIt() {
        succeed("192.0.2.1", "sam");
        for (int i = 0; i < 3; i++) {
            fail("203.0.113." + (10 + i), "sam");
        }

        assertThatThrownBy(() -> throttle.check("203.0.113.99", "sam").block())
                .isInstanceOf(LoginThrottledException.class);
        throttle.check("192.0.2.1", "sam").block();

        clock.set(clock.get().plus(Duration.ofMinutes(2)));
        throttle.succeeded("192.0.2.1", "Sam").block();
        throttle.check("203.0.113.99", "sam").block();
    }

    @Test
    void aClientLoggingInOnEveryCallClearsTheUsernameAtMostOncePerMinute() {
        succeed("192.0.2.1", "sam");
        for (int i = 0; i < 3; i++) {
            fail("203.0.113." + (10 + i), "sam");
        }

        clock.set(clock.get().plusSeconds(30));
        throttle.succeeded("192.0.2.1", "sam").block();
        assertThatThrownBy(() -> throttle.check("203.0.113.99", "sam").block())
                .isInstanceOf(LoginThrottledException.class);

        clock.set(clock.get().plusSeconds(31));
        throttle.succeeded("192.0.2.1", "sam").block();
        throttle.check("203.0.113.99", "sam").block();
    }

    @Test
    void aSuccessDoesNotWashAnAddressClean() {
        for (int i = 0; i < 4; i++) {
            fail("203.0.113.50", "user" + i);
        }
        assertThatThrownBy(() -> succeed("203.0.113.50", "my-own-account"))
                .as("logging in to an account of one's own washes nothing").isInstanceOf(LoginThrottledException.class);
        assertThatThrownBy(() -> throttle.check("203.0.113.50", "my-own-account").block())
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void ipv6AddressesOfOneHouseholdShareTheirCount() {
        assertThat(LoginThrottle.addressKey("2001:db8:1:2::1")).isEqualTo(LoginThrottle.addressKey("2001:db8:1:2:ffff::9"));
        assertThat(LoginThrottle.addressKey("2001:db8:1:2::1")).isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:3::1"));
        assertThat(LoginThrottle.addressKey("203.0.113.1")).isNotEqualTo(LoginThrottle.addressKey("203.0.113.2"));
    }

    @Test
    void theBlockEndsWithItsWindow() throws Exception {
        LoginThrottle quick = new LoginThrottle(new LocalThrottleBuckets(),
                new MinstrelProperties.Throttle(1, 1, Duration.ofMillis(500), Duration.ZERO), Instant::now);
        quick.check("203.0.113.7", "x").block();
        quick.failed("203.0.113.7", "x").block();
        assertThatThrownBy(() -> quick.check("203.0.113.7", "x").block()).isInstanceOf(LoginThrottledException.class);

        Thread.sleep(600);

        quick.check("203.0.113.7", "x").block();
    }

    @Test
    void attemptsCheckedAtOnceCannotPassTheUsernameCap() {
        assertThat(checkedAtOnce(25, "sam")).isEqualTo(3);
    }

    @Test
    void aBlockLastsAtMostTheWindowHoweverManyAttemptsRaced() {
        checkedAtOnce(25, "sam");
        for (int i = 0; i < 25; i++) {
            throttle.failed("198.51.100." + (i + 1), "sam").block();
        }

        assertThatThrownBy(() -> throttle.check("203.0.113.99", "sam").block())
                .isInstanceOfSatisfying(LoginThrottledException.class, e -> assertThat(e.retryAfterSeconds())
                        .isLessThanOrEqualTo(15 * 60L));
    }

    @Test
    void anAttackOnAnotherUserFromTheSameAddressDoesNotLockOutAUserWhoSignedInThere() {
        succeed("192.0.2.40", "owner");
        for (int i = 0; i < 60; i++) {
            try {
                fail("192.0.2.40", "friend" + (i % 3));
            } catch (LoginThrottledException blocked) {
                // the attack is blocked, as it should be
            }
        }

        throttle.check("192.0.2.40", "owner").block();
        assertThatThrownBy(() -> throttle.check("192.0.2.40", "someone-else").block())
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void aSuccessfulAttemptCostsNothing() {
        for (int i = 0; i < 10; i++) {
            succeed("192.0.2.41", "user" + i);
        }

        throttle.check("192.0.2.41", "one-more").block();
    }

    @Test
    void aSignUpMakesItsAddressKnownForTheNewUser() {
        throttle.check("192.0.2.42", null).block();
        throttle.succeeded("192.0.2.42", "newbie").block();
        for (int i = 0; i < 3; i++) {
            fail("203.0.113." + (60 + i), "newbie");
        }

        throttle.check("192.0.2.42", "newbie").block();
    }
}
