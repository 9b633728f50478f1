package dev.minstrel.server.accounts;

/**
 * An enabled account with its password in clear, for checking a Subsonic {@code t}/{@code s}
 * token ({@code t = md5(password + s)}) or a plain {@code p}. Never log it: {@link #toString()}
 * leaves the password out.
 */
public record SubsonicCredentials(Account account, String password) {

    @Override
    public String toString() {
        return "SubsonicCredentials[" + account.username() + "]";
    }
}
