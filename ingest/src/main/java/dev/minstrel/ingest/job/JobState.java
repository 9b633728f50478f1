package dev.minstrel.ingest.job;

import java.util.Locale;

/** Where a job is; the last four are final until someone retries. */
public enum JobState {
    QUEUED, RUNNING, SUCCEEDED, PARTIAL, FAILED, CANCELLED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
