package dev.minstrel.server.security;

import dev.minstrel.server.config.MinstrelProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Brute-force defence for every way in: Subsonic {@code p}, {@code t}/{@code s} and
 * {@code apiKey}, the web login, API bearer keys, and sign-up with invite codes. Call
 * {@link #check} before checking anything, then {@link #failed} or {@link #succeeded}.
 * <p>
 * Failures are counted per client address (an IPv6 address by its /64, which one household
 * gets) and per username. Past half of the allowance each failure is answered slowly, past all of
 * it the address or username is refused until its window ends. A user is not punished for an
 * attack on their name: an address that has logged in as a user before skips that username's
 * count, and a success clears the username's failures (at most once a minute per address, since
 * Subsonic clients log in on every call). Only the address count stays, so an attacker cannot
 * wash their own failures away by logging in to an account they have.
 */
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int KNOWN_PAIRS = 10_000;
    private static final Duration KNOWN_FOR = Duration.ofDays(30);
    private static final Duration RECLEAR_AFTER = Duration.ofMinutes(1);

    private final ThrottleBuckets buckets;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration perUsername;
    private final long slowAfterAddressTokens;
    private final Duration slowdown;
    private final Supplier<Instant> now;
    /** Address and username pairs that logged in successfully, and until when that counts. */
    private final Map<String, Instant> knownPairs = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                    return size() > KNOWN_PAIRS;
                }
            });

    public LoginThrottle(ThrottleBuckets buckets, MinstrelProperties.Throttle settings, Supplier<Instant> now) {
        this.buckets = buckets;
        this.perAddress = configuration(settings.addressFailures(), settings.window());
        this.perUsername = configuration(settings.usernameFailures(), settings.window());
        this.slowAfterAddressTokens = settings.addressFailures() / 2;
        this.slowdown = settings.slowdown();
        this.now = now;
    }

    private static BucketConfiguration configuration(int failures, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillIntervally(failures, window).build())
                .build();
    }

    /**
     * Completes empty when this attempt may go ahead, or fails with {@link LoginThrottledException}
     * (with how long to wait). {@code username} may be null (API keys, invite codes).
     */
    public Mono<Void> check(String address, String username) {
        Mono<Long> addressWait = call(() -> buckets.nanosUntilAllowed(addressKey(address), perAddress));
        Mono<Long> usernameWait = username == null || known(address, username) ? Mono.just(0L)
                : call(() -> buckets.nanosUntilAllowed(usernameKey(username), perUsername));
        return Mono.zip(addressWait, usernameWait).flatMap(waits -> {
            long nanos = Math.max(waits.getT1(), waits.getT2());
            return nanos > 0 ? Mono.error(new LoginThrottledException(Duration.ofNanos(nanos))) : Mono.empty();
        });
    }

    /** Counts a failed attempt; completes late once the address has used half its allowance. */
    public Mono<Void> failed(String address, String username) {
        Mono<Long> addressLeft = call(() -> buckets.takeFailure(addressKey(address), perAddress));
        Mono<Long> usernameLeft = username == null ? Mono.just(0L)
                : call(() -> buckets.takeFailure(usernameKey(username), perUsername));
        return Mono.zip(addressLeft, usernameLeft).flatMap(left -> left.getT1() < slowAfterAddressTokens
                && !slowdown.isZero() ? Mono.delay(slowdown).then() : Mono.empty());
    }

    /** Clears the username's failures and remembers that this address may log in as it. */
    public Mono<Void> succeeded(String address, String username) {
        if (username == null) {
            return Mono.empty();
        }
        String pair = pair(address, username);
        Instant now = this.now.get();
        Instant knownUntil = knownPairs.get(pair);
        if (knownUntil != null && knownUntil.minus(KNOWN_FOR).isAfter(now.minus(RECLEAR_AFTER))) {
            return Mono.empty(); // cleared moments ago: spare the store a write on every call of a playing client
        }
        knownPairs.put(pair, now.plus(KNOWN_FOR));
        return call(() -> buckets.clear(usernameKey(username)).thenApply(ignored -> 0L)).then();
    }

    private boolean known(String address, String username) {
        Instant until = knownPairs.get(pair(address, username));
        return until != null && until.isAfter(now.get());
    }

    /**
     * A shared store that cannot be reached must not lock everyone out of their music: the attempt
     * goes ahead unthrottled and the problem is logged.
     */
    private static Mono<Long> call(Supplier<CompletableFuture<Long>> operation) {
        return Mono.fromFuture(operation::get).onErrorResume(e -> {
            log.warn("Login throttle store unavailable, letting the attempt through: {}", e.toString());
            return Mono.just(0L);
        });
    }

    private static String pair(String address, String username) {
        return addressKey(address) + "|" + usernameKey(username);
    }

    private static String usernameKey(String username) {
        return "user:" + username.strip().toLowerCase(Locale.ROOT);
    }

    static String addressKey(String address) {
        byte[] bytes = TrustedProxies.parse(address);
        if (bytes == null) {
            return "addr:" + address;
        }
        if (bytes.length == 16) {
            Arrays.fill(bytes, 8, 16, (byte) 0);
        }
        try {
            return "addr:" + InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return "addr:" + address;
        }
    }
}
