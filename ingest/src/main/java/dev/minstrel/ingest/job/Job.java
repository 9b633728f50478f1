package dev.minstrel.ingest.job;

import java.time.Instant;
import java.util.List;

/**
 * A pasted link being turned into library tracks.
 *
 * @param identity  what makes two pastes the same job (see {@code Link.identity()})
 * @param ownerId   the account that pasted it
 * @param attempts  runs started so far
 * @param notBefore earliest next run (backoff after a transient failure)
 * @param output    the downloader's last lines from the last run that did not fully succeed; empty otherwise
 */
public record Job(String id, String url, String identity, String kind, JobState state, String ownerId,
                  Instant createdAt, Instant updatedAt, int attempts, Instant notBefore, List<String> output,
                  List<JobItem> items) {

    public Job {
        output = List.copyOf(output);
        items = List.copyOf(items);
    }

    public Job withItems(List<JobItem> items) {
        return new Job(id, url, identity, kind, state, ownerId, createdAt, updatedAt, attempts, notBefore, output, items);
    }

    public Job withState(JobState state) {
        return new Job(id, url, identity, kind, state, ownerId, createdAt, updatedAt, attempts, notBefore, output, items);
    }
}
