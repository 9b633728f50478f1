package dev.minstrel.server.http;

import org.springframework.http.HttpStatus;

/**
 * Why the HTTP edge refused a request before the application could read it. The request still
 * reaches the application, marked with {@link #HEADER}, so that it is answered in the protocol's
 * own terms and in its turn on a keep-alive connection.
 */
enum Refusal {

    /** The request line is longer than the decoder takes; nothing of it can be trusted. */
    LINE_TOO_LONG(HttpStatus.URI_TOO_LONG, true),
    /** The headers are larger than the decoder takes. */
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, true),
    /** Not HTTP the decoder understands (a broken request line or header). */
    UNDECODABLE(HttpStatus.BAD_REQUEST, true),
    /** A {@code %} not followed by two hexadecimal digits, or a request target that is no path. */
    MALFORMED_TARGET(HttpStatus.BAD_REQUEST, false),
    /** A Host header that is no host name or address with an optional port. */
    MALFORMED_HOST(HttpStatus.BAD_REQUEST, false);

    /** Set by the edge only: a client's own header of this name is removed. */
    static final String HEADER = "X-Minstrel-Refused";

    private final HttpStatus status;
    private final boolean closesConnection;

    Refusal(HttpStatus status, boolean closesConnection) {
        this.status = status;
        this.closesConnection = closesConnection;
    }

    HttpStatus status() {
        return status;
    }

    /**
     * True when the decoder gave up on the connection: it discards whatever follows, so the
     * connection ends with the answer.
     */
    boolean closesConnection() {
        return closesConnection;
    }
}
