package dev.minstrel.server.accounts;

/**
 * A request about accounts that cannot be carried out, with a message fit to show the person who
 * made it. The HTTP and Subsonic layers turn the {@link Kind} into their own kind of error.
 */
public class AccountsException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN }

    private final Kind kind;

    public AccountsException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static AccountsException invalid(String message) {
        return new AccountsException(Kind.INVALID, message);
    }

    public static AccountsException notFound(String message) {
        return new AccountsException(Kind.NOT_FOUND, message);
    }

    public static AccountsException conflict(String message) {
        return new AccountsException(Kind.CONFLICT, message);
    }

    public static AccountsException forbidden(String message) {
        return new AccountsException(Kind.FORBIDDEN, message);
    }
}
