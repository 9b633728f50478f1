package dev.minstrel.server.accounts.invites;

import dev.minstrel.server.accounts.Role;

import java.time.Instant;
import java.util.List;

/** An invite code the owner handed out, and who has used it. */
public record Invite(String code, Role role, boolean canDownload, boolean canIngest, String note, int maxUses,
                     int uses, Instant expiresAt, boolean revoked, String createdBy, Instant createdAt,
                     List<Use> usedBy) {

    public record Use(String username, Instant usedAt) {
    }

    public boolean usableAt(Instant now) {
        return !revoked && uses < maxUses && now.isBefore(expiresAt);
    }
}
