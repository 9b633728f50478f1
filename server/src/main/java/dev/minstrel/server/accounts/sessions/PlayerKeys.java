package dev.minstrel.server.accounts.sessions;

import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.accounts.AccountStore;
import dev.minstrel.server.accounts.SecretBox;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The web page's Subsonic credential: an OpenSubsonic {@code apiKey} bound to one web session.
 * It is {@code msp_<session id>.<HMAC of the session id>}, computed rather than stored, so the
 * page gets the same key back after a reload (and the browser's cache of cover art URLs holds)
 * and it works exactly as long as its session: signing out, the session expiring, a password
 * change elsewhere, or the owner disabling or deleting the user ends it at once. It never appears
 * among the user's own API keys. A forged key fails the HMAC check before any database read.
 */
public class PlayerKeys {

    public static final String PREFIX = "msp_";
    private static final Pattern SHAPE = Pattern.compile("msp_([0-9a-f]{32})\\.([A-Za-z0-9_-]{43})");

    private final DatabaseClient db;
    private final byte[] macKey;
    private final Clock clock;

    public PlayerKeys(DatabaseClient db, SecretBox secrets, Clock clock) {
        this.db = db;
        this.macKey = secrets.deriveKey("minstrel web player keys v1");
        this.clock = clock;
    }

    /** The player key of this session. */
    public String keyOf(String sessionId) {
        return PREFIX + sessionId + "." + mac(sessionId);
    }

    public static boolean isPlayerKey(String key) {
        return key != null && key.startsWith(PREFIX);
    }

    /** The enabled account of the live session this key names, or empty. */
    public Mono<Account> resolve(String key) {
        var match = key == null ? null : SHAPE.matcher(key);
        if (match == null || !match.matches()) {
            return Mono.empty();
        }
        String sessionId = match.group(1);
        if (!MessageDigest.isEqual(mac(sessionId).getBytes(StandardCharsets.US_ASCII),
                match.group(2).getBytes(StandardCharsets.US_ASCII))) {
            return Mono.empty();
        }
        return db.sql("SELECT " + AccountStore.columns("a") + " FROM account_session s "
                        + "JOIN account a ON a.id = s.account_id WHERE s.id = :id AND s.expires_at > :now")
                .bind("id", sessionId)
                .bind("now", clock.millis())
                .map(AccountStore::account).one()
                .filter(Account::enabled)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private String mac(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(sessionId.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
