package dev.minstrel.ingest.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobItem;

import java.util.List;

/** A job as the API shows it: {@code {id, url, kind, state, createdAt, items}}. */
@JsonPropertyOrder({"id", "url", "kind", "state", "createdAt", "items"})
public record JobView(String id, String url, String kind, String state, String createdAt, List<ItemView> items) {

    public static JobView of(Job job) {
        return new JobView(job.id(), job.url(), job.kind(), job.state().key(), job.createdAt().toString(),
                job.items().stream().map(ItemView::of).toList());
    }

    /** One track of a job: {@code {state, percent, title, artist, album, trackId, error}}. */
    @JsonPropertyOrder({"state", "percent", "title", "artist", "album", "trackId", "error"})
    public record ItemView(String state, int percent, String title, String artist, String album, String trackId,
                           String error) {

        public static ItemView of(JobItem item) {
            return new ItemView(item.state().key(), item.percent(), item.title(), item.artist(), item.album(),
                    item.trackId(), item.error());
        }
    }
}
