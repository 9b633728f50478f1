package dev.minstrel.ingest.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobItem;

/**
 * A change pushed to live clients: {@code {"type":"job","jobId":..,"job":{..}}} when a job appears
 * or changes state (items included), {@code {"type":"item","jobId":..,"index":n,"item":{..}}} when
 * one track moves on.
 *
 * @param ownerId who may see it besides the owner; not sent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "jobId", "index", "job", "item"})
public record IngestEvent(String type, String jobId, @JsonIgnore String ownerId, Integer index, JobView job,
                          JobView.ItemView item) {

    public static IngestEvent job(Job job) {
        return new IngestEvent("job", job.id(), job.ownerId(), null, JobView.of(job), null);
    }

    public static IngestEvent item(Job job, JobItem item) {
        return new IngestEvent("item", job.id(), job.ownerId(), item.position(), null, JobView.ItemView.of(item));
    }
}
