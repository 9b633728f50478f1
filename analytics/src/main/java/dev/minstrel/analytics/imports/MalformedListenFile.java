package dev.minstrel.analytics.imports;

/** An export file that cannot be read; the message names the line or entry and what is wrong. */
public class MalformedListenFile extends RuntimeException {

    public MalformedListenFile(String message) {
        super(message);
    }
}
