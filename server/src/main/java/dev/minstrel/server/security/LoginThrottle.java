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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Brute-force defence for every way in: Subsonic {@code p}, {@code t}/{@code s} and
 * {@code apiKey}, the web login, API bearer keys, and sign-up with invite codes. Call
 * {@link #check} before checking anything, then {@link #failed} or {@link #succeeded}.
 * <p>
 * Failures are counted per client address (an IPv6 address by its /64, which one household
 * gets) and per username. Past half of the allowance each failure is answered slowly, past all of
 * it the address or username is refused until its window ends, and never longer: no bucket goes
 * below empty. A password attempt from an address that never signed in as that user takes its
 * tokens when it is checked and gives them back if it succeeds, so attempts racing each other
 * cannot pass the cap together.
 * <p>
 * A user is not punished for attacks they did not make: an address that has signed in as a user
 * (logged in or signed up) counts that user's later failures there in a bucket of its own, apart
 * from the address's and the username's, so neither an attack on the user's name from elsewhere
 * nor an attack on someone else from the same address (a shared home or office) locks them out.
 * A success clears the username's failures (at most once a minute per address, since Subsonic
 * clients log in on every call). The address count is never cleared by a success, so an attacker
 * cannot wash their failures away by logging in to an account they have.
 */
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int KNOWN_PAIRS = 10_000;
    private static final int PENDING_ATTEMPTS = 10_000;
    private static final Duration KNOWN_FOR = Duration.ofDays(30);
    private static final Duration RECLEAR_AFTER = Duration.ofMinutes(1);

    private final ThrottleBuckets buckets;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration perUsername;
    private final long slowAfterAddressTokens;
    private final long slowAfterUsernameTokens;
    private final Duration slowdown;
    private final Supplier<Instant> now;
    /** Address and username pairs that signed in successfully, and until when that counts. */
    private final Map<String, Instant> knownPairs = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
                    return size() > KNOWN_PAIRS;
                }
            });
    /** Checked attempts that took their tokens and have not been reported yet, by address and username. */
    private final Map<String, Integer> pending = new ConcurrentHashMap<>();

    public LoginThrottle(ThrottleBuckets buckets, MinstrelProperties.Throttle settings, Supplier<Instant> now) {
        this.buckets = buckets;
        this.perAddress = configuration(settings.addressFailures(), settings.window());
        this.perUsername = configuration(settings.usernameFailures(), settings.window());
        this.slowAfterAddressTokens = settings.addressFailures() / 2;
        this.slowAfterUsernameTokens = settings.usernameFailures() / 2;
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
        if (username == null) {
            return refuseAfter(call(() -> buckets.nanosUntilAllowed(addressKey(address), perAddress)));
        }
        if (known(address, username)) {
            return refuseAfter(call(() -> buckets.nanosUntilAllowed(pairKey(address, username), perUsername)));
        }
        return call(() -> buckets.tryTake(addressKey(address), perAddress)).flatMap(addressWait -> {
            if (addressWait > 0) {
                return Mono.error(new LoginThrottledException(Duration.ofNanos(addressWait)));
            }
            return call(() -> buckets.tryTake(usernameKey(username), perUsername)).flatMap(usernameWait -> {
                if (usernameWait > 0) {
                    // refused before any password was checked: no failure of this address
                    return call(() -> buckets.giveBack(addressKey(address), perAddress).thenApply(v -> 0L))
                            .then(Mono.error(new LoginThrottledException(Duration.ofNanos(usernameWait))));
                }
                pending.merge(pairKey(address, username), 1, Integer::sum);
                if (pending.size() > PENDING_ATTEMPTS) {
                    pending.clear(); // attempts never reported: forgetting them only counts them as failures
                }
                return Mono.empty();
            });
        });
    }

    /** Counts a failed attempt; completes late once half the allowance is used. */
    public Mono<Void> failed(String address, String username) {
        if (username != null && known(address, username)) {
            String pair = pairKey(address, username);
            return call(() -> buckets.tryTake(pair, perUsername)).then(slowedDown(pair, perUsername, slowAfterUsernameTokens));
        }
        Mono<Long> counted = username != null && takePending(address, username) ? Mono.just(0L)
                : call(() -> buckets.tryTake(addressKey(address), perAddress)).then(username == null ? Mono.just(0L)
                        : call(() -> buckets.tryTake(usernameKey(username), perUsername)));
        return counted.then(slowedDown(addressKey(address), perAddress, slowAfterAddressTokens));
    }

    /** Clears the username's failures and remembers that this address may sign in as it. */
    public Mono<Void> succeeded(String address, String username) {
        if (username == null) {
            return Mono.empty();
        }
        Mono<Void> givenBack = takePending(address, username)
                ? call(() -> buckets.giveBack(addressKey(address), perAddress).thenApply(v -> 0L)).then() : Mono.empty();
        String pair = pairKey(address, username);
        Instant now = this.now.get();
        Instant knownUntil = knownPairs.get(pair);
        if (knownUntil != null && knownUntil.minus(KNOWN_FOR).isAfter(now.minus(RECLEAR_AFTER))) {
            return givenBack; // cleared moments ago: spare the store a write on every call of a playing client
        }
        knownPairs.put(pair, now.plus(KNOWN_FOR));
        return givenBack.then(call(() -> buckets.clear(usernameKey(username)).thenApply(ignored -> 0L)))
                .then(call(() -> buckets.clear(pair).thenApply(ignored -> 0L))).then();
    }

    private boolean takePending(String address, String username) {
        boolean[] taken = {false};
        pending.computeIfPresent(pairKey(address, username), (key, count) -> {
            taken[0] = true;
            return count > 1 ? count - 1 : null;
        });
        return taken[0];
    }

    private Mono<Void> slowedDown(String key, BucketConfiguration configuration, long slowAfter) {
        if (slowdown.isZero()) {
            return Mono.empty();
        }
        return call(() -> buckets.tokensLeft(key, configuration))
                .flatMap(left -> left < slowAfter ? Mono.delay(slowdown).then() : Mono.empty());
    }

    private static Mono<Void> refuseAfter(Mono<Long> wait) {
        return wait.flatMap(nanos -> nanos > 0 ? Mono.error(new LoginThrottledException(Duration.ofNanos(nanos)))
                : Mono.empty());
    }

    private boolean known(String address, String username) {
        Instant until = knownPairs.get(pairKey(address, username));
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

    private static String pairKey(String address, String username) {
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
