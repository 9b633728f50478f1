package dev.minstrel.server.api.accounts;

import dev.minstrel.server.accounts.Account;

import java.time.Instant;

/** A user as {@code /api} shows it: never a password, hash or sealed copy. */
public record UserView(String username, String role, boolean enabled, boolean download, boolean ingest,
                       Instant createdAt) {

    public static UserView of(Account account) {
        return new UserView(account.username(), account.role().key(), account.enabled(), account.canDownload(),
                account.canIngest(), account.createdAt());
    }
}
