package dev.minstrel.ingest.job;

import java.util.Locale;

/** Where one track of a job is. */
public enum ItemState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ItemState ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
