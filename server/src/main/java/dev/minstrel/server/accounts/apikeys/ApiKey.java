package dev.minstrel.server.accounts.apikeys;

import java.time.Instant;

/** An API key as listed: never the key itself, which is shown once when it is created. */
public record ApiKey(String id, String name, Instant createdAt, Instant lastUsedAt) {
}
