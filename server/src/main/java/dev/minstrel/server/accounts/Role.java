package dev.minstrel.server.accounts;

import java.util.Locale;

/** The owner may do everything; friends listen, and may be granted downloads and ingest. */
public enum Role {
    OWNER, FRIEND;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
