package dev.minstrel.server.api.accounts;

import dev.minstrel.server.accounts.Role;
import dev.minstrel.server.api.ApiException;

/** Role names as the API spells them: {@code "owner"}, {@code "friend"}. */
final class RoleNames {

    private RoleNames() {
    }

    /** The role, or null when none was given; a 400 problem for an unknown name. */
    static Role parse(String role) {
        if (role == null) {
            return null;
        }
        for (Role candidate : Role.values()) {
            if (candidate.key().equalsIgnoreCase(role.strip())) {
                return candidate;
            }
        }
        throw ApiException.badRequest("role must be \"owner\" or \"friend\"");
    }
}
