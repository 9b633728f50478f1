package dev.minstrel.subsonic.protocol;

import dev.minstrel.subsonic.auth.LoginGuard;
import dev.minstrel.subsonic.auth.SubsonicAccounts;
import dev.minstrel.subsonic.auth.SubsonicUser;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Checks the credentials of a call: {@code p} (plain or {@code enc:}hex), {@code t}+{@code s}
 * (token = md5(password + salt), salts may be reused: DSub caches them) or the OpenSubsonic
 * {@code apiKey}, which must come alone. Every failure is error 40/43/44 in the envelope; failures
 * are reported to the {@link LoginGuard}, which may refuse further attempts.
 */
public final class Authenticator {

    public static final String TOO_MANY_ATTEMPTS = "Too many failed attempts, try again later";

    private final SubsonicAccounts accounts;
    private final LoginGuard guard;

    public Authenticator(SubsonicAccounts accounts, LoginGuard guard) {
        this.accounts = accounts;
        this.guard = guard;
    }

    public Mono<SubsonicUser> authenticate(Params params, String clientAddress) {
        return Mono.defer(() -> {
            if (params.has("apiKey")) {
                return byApiKey(params, clientAddress);
            }
            String username = params.required("u");
            boolean token = params.string("t").isPresent() && params.string("s").isPresent();
            if (!token && params.string("p").isEmpty()) {
                throw new SubsonicException(ErrorCode.MISSING_PARAMETER,
                        "Required parameter 'p', or 't' and 's', or 'apiKey' is missing");
            }
            return guard.allows(clientAddress, username).flatMap(allowed -> {
                if (!allowed) {
                    return Mono.error(new SubsonicException(ErrorCode.WRONG_CREDENTIALS, TOO_MANY_ATTEMPTS));
                }
                return accounts.byUsername(username)
                        .filter(user -> user.enabled() && user.subsonicPassword() != null
                                && (token ? tokenMatches(user, params.required("t"), params.required("s"))
                                : passwordMatches(user, params.required("p"))))
                        .flatMap(user -> guard.succeeded(clientAddress, username).thenReturn(user))
                        .switchIfEmpty(Mono.defer(() -> guard.failed(clientAddress, username)
                                .then(Mono.error(new SubsonicException(ErrorCode.WRONG_CREDENTIALS, null)))));
            });
        });
    }

    private Mono<SubsonicUser> byApiKey(Params params, String clientAddress) {
        if (List.of("u", "p", "t", "s").stream().anyMatch(params::has)) {
            throw new SubsonicException(ErrorCode.CONFLICTING_AUTH, "Use either apiKey or u with p or t and s, not both");
        }
        String key = params.required("apiKey");
        return guard.allows(clientAddress, null).flatMap(allowed -> {
            if (!allowed) {
                return Mono.error(new SubsonicException(ErrorCode.INVALID_API_KEY, TOO_MANY_ATTEMPTS));
            }
            return accounts.byApiKey(key)
                    .filter(SubsonicUser::enabled)
                    .flatMap(user -> guard.succeeded(clientAddress, user.username()).thenReturn(user))
                    .switchIfEmpty(Mono.defer(() -> guard.failed(clientAddress, null)
                            .then(Mono.error(new SubsonicException(ErrorCode.INVALID_API_KEY, null)))));
        });
    }

    private static boolean passwordMatches(SubsonicUser user, String given) {
        String password = given;
        if (given.startsWith("enc:")) {
            try {
                password = new String(HexFormat.of().parseHex(given.substring(4)), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notHex) {
                return false;
            }
        }
        return MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
                user.subsonicPassword().getBytes(StandardCharsets.UTF_8));
    }

    private static boolean tokenMatches(SubsonicUser user, String token, String salt) {
        String expected = md5Hex(user.subsonicPassword() + salt);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                token.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    public static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }
}
