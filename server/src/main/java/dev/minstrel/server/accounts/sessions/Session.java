package dev.minstrel.server.accounts.sessions;

import dev.minstrel.server.accounts.Account;

/**
 * A signed-in web session of an account.
 *
 * @param token         the cookie's value: a JWT naming the session, signed with a key derived from
 *                      the secret key file
 * @param renewedToken  a fresh token to send back when the current one is getting old, else null
 */
public record Session(String id, Account account, String token, String renewedToken) {

    @Override
    public String toString() {
        return "Session[" + id + ", " + account.username() + "]";
    }
}
