package dev.minstrel.library.tags;

/** A file that is not a readable audio file; the message says why in plain words. */
public final class UnreadableFileException extends Exception {

    public UnreadableFileException(String reason) {
        super(reason);
    }

    public UnreadableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
