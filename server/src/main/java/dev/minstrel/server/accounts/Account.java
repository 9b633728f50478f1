package dev.minstrel.server.accounts;

import java.time.Instant;

/**
 * A user of Minstrel. The password is held only as a hash and as a sealed (encrypted) copy; see
 * {@link PasswordHasher} and {@link SecretBox}.
 */
public record Account(String id, String username, String passwordHash, String passwordSealed, Role role,
                      boolean canDownload, boolean canIngest, boolean enabled, Instant createdAt) {

    public boolean isOwner() {
        return role == Role.OWNER;
    }
}
