package dev.minstrel.subsonic.protocol;

/**
 * A failure to report to the client as a Subsonic error. Thrown anywhere while handling a call;
 * the dispatcher turns it into the error envelope. No stack trace: these are expected outcomes.
 */
public final class SubsonicException extends RuntimeException {

    private final ErrorCode code;

    public SubsonicException(ErrorCode code, String message) {
        super(message == null ? code.defaultMessage() : message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static SubsonicException notFound(String what) {
        return new SubsonicException(ErrorCode.NOT_FOUND, what + " not found");
    }

    public static SubsonicException missing(String parameter) {
        return new SubsonicException(ErrorCode.MISSING_PARAMETER, "Required parameter '" + parameter + "' is missing");
    }

    /** The value is quoted, cut to 40 characters: a client may send megabytes. */
    public static SubsonicException invalid(String parameter, String value, String expected) {
        String quoted = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return new SubsonicException(ErrorCode.MISSING_PARAMETER,
                "Parameter '" + parameter + "' must be " + expected + ", got '" + quoted + "'");
    }

    public static SubsonicException notAuthorised(String message) {
        return new SubsonicException(ErrorCode.NOT_AUTHORISED, message);
    }
}
