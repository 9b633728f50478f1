package dev.minstrel.ingest.link;

/** A pasted link Minstrel will not hand to a downloader; the message says why, in plain words. */
public class InvalidLinkException extends RuntimeException {

    public InvalidLinkException(String message) {
        super(message);
    }
}
