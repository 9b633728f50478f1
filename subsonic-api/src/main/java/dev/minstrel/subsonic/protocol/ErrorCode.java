package dev.minstrel.subsonic.protocol;

/** The error codes of the Subsonic protocol (with the OpenSubsonic additions 42 to 44). */
public enum ErrorCode {
    GENERIC(0, "A generic error"),
    MISSING_PARAMETER(10, "Required parameter is missing"),
    WRONG_CREDENTIALS(40, "Wrong username or password"),
    TOKEN_AUTH_NOT_SUPPORTED(41, "Token authentication not supported"),
    AUTH_MECHANISM_NOT_SUPPORTED(42, "Provided authentication mechanism not supported"),
    CONFLICTING_AUTH(43, "Multiple conflicting authentication mechanisms provided"),
    INVALID_API_KEY(44, "Invalid API key"),
    NOT_AUTHORISED(50, "User is not authorized for the given operation"),
    NOT_FOUND(70, "The requested data was not found");

    private final int code;
    private final String defaultMessage;

    ErrorCode(int code, String defaultMessage) {
        this.code = code;
        this.defaultMessage = defaultMessage;
    }

    public int code() {
        return code;
    }

    public String defaultMessage() {
        return defaultMessage;
    }
}
