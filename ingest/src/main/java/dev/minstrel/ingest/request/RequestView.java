package dev.minstrel.ingest.request;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.minstrel.ingest.events.JobView;
import dev.minstrel.ingest.job.Job;
import dev.minstrel.ingest.job.JobState;

/**
 * A request as the API shows it. {@code state} follows the request and then its job:
 * {@code pending}, {@code declined} (with {@code reason}), {@code approved} while the job waits or
 * runs, then {@code done} (every track, or some of them, in the library) or {@code failed}.
 *
 * @param job the job an approval started, with its live progress; null before
 */
@JsonPropertyOrder({"id", "url", "note", "state", "requestedBy", "createdAt", "decidedAt", "reason", "job"})
public record RequestView(String id, String url, String note, String state, String requestedBy, String createdAt,
                          String decidedAt, String reason, JobView job) {

    public static RequestView of(MusicRequest request, Job job) {
        return new RequestView(request.id(), request.url(), request.note(), state(request, job), request.requesterName(),
                request.createdAt().toString(), request.decidedAt() == null ? null : request.decidedAt().toString(),
                request.reason(), job == null ? null : JobView.of(job));
    }

    private static String state(MusicRequest request, Job job) {
        if (request.state() != MusicRequest.State.APPROVED || job == null || !job.state().isFinal()) {
            return request.state().key();
        }
        return job.state() == JobState.SUCCEEDED || job.state() == JobState.PARTIAL ? "done" : "failed";
    }
}
