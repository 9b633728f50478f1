package dev.minstrel.analytics.card;

import dev.minstrel.analytics.stats.ListeningStats;
import dev.minstrel.analytics.stats.Recap;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recap cards, each drawn once for what it shows: the recap is read from the roll-ups on every
 * call (a few indexed reads), and a card already drawn for an equal recap (same user, period,
 * figures and names: a new listen changes it) is answered from memory. At most
 * {@value #CACHED} cards are kept (about 100 KB each), the least recently asked for going first.
 */
public final class RecapCards {

    static final int CACHED = 32;

    /** A drawn card and its entity tag (a digest of the bytes), for HTTP revalidation. */
    public record Card(byte[] png, String etag) {
    }

    private final ListeningStats stats;
    private final Map<Recap, Card> drawn = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Recap, Card> eldest) {
            return size() > CACHED;
        }
    };

    public RecapCards(ListeningStats stats) {
        this.stats = stats;
    }

    /** The card of the user's recap of {@code period} (a year or a month); empty when the period is neither. */
    public Mono<Card> card(String userId, String username, String period) {
        return stats.recap(userId, username, period)
                .flatMap(recap -> Mono.fromCallable(() -> cardOf(recap)).subscribeOn(Schedulers.boundedElastic()));
    }

    private Card cardOf(Recap recap) {
        synchronized (drawn) {
            Card card = drawn.get(recap);
            if (card != null) {
                return card;
            }
        }
        byte[] png = RecapCard.png(recap);
        Card card = new Card(png, etag(png));
        synchronized (drawn) {
            drawn.put(recap, card);
        }
        return card;
    }

    private static String etag(byte[] png) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
