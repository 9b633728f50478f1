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

    public SubsonicRoles subsonicRoles() {
        return SubsonicRoles.of(this);
    }

    /** The record without its secrets, so it may be logged or printed in a test failure. */
    @Override
    public String toString() {
        return "Account[" + id + ", " + username + ", " + role.key() + (enabled ? "" : ", disabled") + "]";
    }
}
