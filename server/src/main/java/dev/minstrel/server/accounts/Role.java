package dev.minstrel.server.accounts;

/** The owner may do everything; friends listen, and may be granted downloads and ingest. */
public enum Role {
    OWNER, FRIEND;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Role ofKey(String key) {
        return valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
