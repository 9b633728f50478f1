package dev.minstrel.ingest;

import dev.minstrel.ingest.download.Failure;
import dev.minstrel.ingest.events.IngestEvent;
import dev.minstrel.ingest.events.IngestEvents;
import dev.minstrel.ingest.job.ItemState;
import dev.minstrel.ingest.job.JobItem;
import dev.minstrel.ingest.job.JobState;
import dev.minstrel.ingest.job.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What becomes of a job after a run: queued again after a backoff while a cause that waiting can
 * cure remains and runs are left ({@code retry-backoff} doubled per run, or as long as the source
 * asked), else finished as succeeded, partial or failed; a job that ends failed or partial is
 * logged once with its id.
 */
final class RetryPolicy {

    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);

    private final IngestSettings settings;
    private final JobStore store;
    private final IngestEvents events;
    private final Clock clock;

    RetryPolicy(IngestSettings settings, JobStore store, IngestEvents events, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    void decide(JobRun run, JobLease lease, DownloadOutcome outcome) {
        List<JobItem> items = run.items();
        long succeeded = items.stream().filter(i -> i.state() == ItemState.SUCCEEDED).count();
        boolean retryable = outcome.fatal().map(Failure::transientFailure).orElse(false) || run.anyTransientFailure();
        store.saveOutput(run.job().id(), succeeded == items.size() ? List.of() : outcome.output()).block();
        if (succeeded < items.size() && retryable && run.job().attempts() < settings.maxAttempts()) {
            Duration backoff = outcome.retryAfter().orElse(
                    settings.retryBackoff().multipliedBy(1L << Math.min(10, run.job().attempts() - 1)));
            Instant now = clock.instant();
            run.reopenFailed();
            lease.retryAt(now.plus(backoff));
            events.publish(IngestEvent.job(store.find(run.job().id()).block()));
            return;
        }
        finish(run, lease, succeeded == items.size() ? JobState.SUCCEEDED
                : succeeded > 0 ? JobState.PARTIAL : JobState.FAILED);
    }

    void finish(JobRun run, JobLease lease, JobState state) {
        if (lease.finish(state) && (state == JobState.FAILED || state == JobState.PARTIAL)) {
            // once per job reaching this state: the line an owner greps for when a friend says "it didn't work"
            log.warn("ingest job {} {} after {} run(s) ({}): {}", run.job().id(), state.key(), run.job().attempts(),
                    run.job().url(), String.join(" | ", run.items().stream().map(JobItem::error)
                            .filter(Objects::nonNull).distinct().toList()));
        }
        events.publish(IngestEvent.job(store.find(run.job().id()).block()));
    }
}
