package dev.minstrel.ingest.watch;

/** A watch that cannot be made: the link is not a playlist, or the playlist is watched already. */
public final class WatchRefusedException extends RuntimeException {

    public enum Kind { NOT_A_PLAYLIST, ALREADY_WATCHED }

    private final Kind kind;
    private final String existingId;

    public WatchRefusedException(Kind kind, String message, String existingId) {
        super(message);
        this.kind = kind;
        this.existingId = existingId;
    }

    public Kind kind() {
        return kind;
    }

    /** The watch that has this playlist already, for {@link Kind#ALREADY_WATCHED}; else null. */
    public String existingId() {
        return existingId;
    }
}
