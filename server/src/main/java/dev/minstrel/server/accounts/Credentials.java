package dev.minstrel.server.accounts;

import java.util.regex.Pattern;

/** The rules every username and password must meet, wherever it is chosen. */
public final class Credentials {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    public static final int MIN_PASSWORD_LENGTH = 8;
    /** PBKDF2 cost grows with the length: a cap keeps one request from burning a core. */
    public static final int MAX_PASSWORD_LENGTH = 128;

    private Credentials() {
    }

    public static String username(String username) {
        if (username == null || !USERNAME.matcher(username.strip()).matches()) {
            throw AccountsException.invalid("A username is 1 to 64 letters, digits or . _ @ -");
        }
        return username.strip();
    }

    public static String password(String password, String username) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw AccountsException.invalid("A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw AccountsException.invalid("A password may have at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        if (username != null && password.equalsIgnoreCase(username.strip())) {
            throw AccountsException.invalid("A password must not be the username");
        }
        return password;
    }
}
