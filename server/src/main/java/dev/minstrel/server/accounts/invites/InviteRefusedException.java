package dev.minstrel.server.accounts.invites;

import dev.minstrel.server.accounts.AccountsException;

/**
 * An invite code that is unknown, used up, expired or revoked. Which of these is not said: a
 * stranger guessing codes learns nothing, and each refusal counts against their address.
 */
public class InviteRefusedException extends AccountsException {

    public InviteRefusedException() {
        super(Kind.FORBIDDEN, "This invite code is not valid: it may be used up, expired or revoked");
    }
}
