package dev.minstrel.ingest.request;

/** A request that cannot be made or decided as asked; the message says why in plain words. */
public final class RequestRefusedException extends RuntimeException {

    public enum Kind {
        /** the friend already has as many pending requests as allowed */
        TOO_MANY_PENDING,
        /** it was declined already, so it cannot be approved (or approved, so it cannot be declined) */
        ALREADY_DECIDED
    }

    private final Kind kind;

    public RequestRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
