package dev.minstrel.ingest.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobItem;
import dev.minstrel.ingest.job.JobState;

import java.util.List;

/**
 * A job as the API shows it: {@code {id, url, kind, state, createdAt, attempts, retryAt, items, output}}.
 * {@code retryAt} is when a job waiting after a failed run runs again (null otherwise); {@code output}
 * the downloader's last lines from the last run that did not fully succeed.
 */
@JsonPropertyOrder({"id", "url", "kind", "state", "createdAt", "attempts", "retryAt", "items", "output"})
public record JobView(String id, String url, String kind, String state, String createdAt, int attempts, String retryAt,
                      List<ItemView> items, List<String> output) {

    public static JobView of(Job job) {
        String retryAt = job.state() == JobState.QUEUED && job.attempts() > 0 ? job.notBefore().toString() : null;
        return new JobView(job.id(), job.url(), job.kind(), job.state().key(), job.createdAt().toString(),
                job.attempts(), retryAt, job.items().stream().map(ItemView::of).toList(), job.output());
    }

    /**
     * One track of a job: {@code {state, percent, title, artist, album, trackId, error, note}}; {@code note}
     * says when the song was in the library already, so nothing was downloaded for it (null otherwise).
     */
    @JsonPropertyOrder({"state", "percent", "title", "artist", "album", "trackId", "error", "note"})
    public record ItemView(String state, int percent, String title, String artist, String album, String trackId,
                           String error, String note) {

        public static ItemView of(JobItem item) {
            return new ItemView(item.state().key(), item.percent(), item.title(), item.artist(), item.album(),
                    item.trackId(), item.error(), item.alreadyInLibrary() ? JobItem.IN_LIBRARY : null);
        }
    }
}
