package dev.minstrel.ingest.request;

import java.time.Instant;
import java.util.Locale;

/**
 * A friend asking for a link to be added to the library.
 *
 * @param identity  the link's identity (see {@code Link.identity()}): one pending request per link and friend
 * @param state     {@code pending}, {@code approved} (a job was started: {@code jobId}) or {@code declined}
 * @param decidedBy the account that approved or declined it
 * @param reason    why it was declined; null otherwise
 */
public record MusicRequest(String id, String requesterId, String requesterName, String url, String identity,
                           String note, State state, Instant createdAt, Instant decidedAt, String decidedBy,
                           String reason, String jobId) {

    public enum State {
        PENDING, APPROVED, DECLINED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static State ofKey(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }
}
