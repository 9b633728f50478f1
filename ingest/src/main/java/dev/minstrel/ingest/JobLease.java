package dev.minstrel.ingest;

import dev.minstrel.ingest.job.JobState;
import dev.minstrel.ingest.job.JobStore;
import dev.minstrel.ingest.queue.JobQueue;

import java.time.Clock;
import java.time.Instant;

/**
 * A worker's hold on the job it runs, in the store (the lease) and in the queue (the delivery).
 * Only the holder may requeue or finish the job; a lease that is not renewed runs out and the job
 * goes back to the queue, here or on another instance.
 */
final class JobLease {

    private final String jobId;
    private final String worker;
    private final JobQueue.Delivery delivery;
    private final JobStore store;
    private final JobQueue queue;
    private final IngestSettings settings;
    private final Clock clock;
    private Instant nextRenewal;

    JobLease(String jobId, String worker, JobQueue.Delivery delivery, JobStore store, JobQueue queue,
             IngestSettings settings, Clock clock) {
        this.jobId = jobId;
        this.worker = worker;
        this.delivery = delivery;
        this.store = store;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
        this.nextRenewal = clock.instant();
    }

    /**
     * Renews the lease (and the queue's hold) once a quarter of it has passed; false when it was
     * lost: the job was cancelled, or taken over after this worker stalled.
     */
    boolean renewIfDue(Instant now) {
        if (now.isBefore(nextRenewal)) {
            return true;
        }
        nextRenewal = now.plus(settings.lease().dividedBy(4));
        if (!Boolean.TRUE.equals(store.renew(jobId, worker, now.plus(settings.lease())).block())) {
            return false;
        }
        queue.keepAlive(delivery);
        return true;
    }

    /** This instance is stopping: the job is queued again at once, for the next start or another instance. */
    void handBack() {
        Instant now = clock.instant();
        store.requeue(jobId, worker, now, now).block();
    }

    /** Queues the job to run again at {@code at} (a retry after a backoff). */
    void retryAt(Instant at) {
        if (Boolean.TRUE.equals(store.requeue(jobId, worker, at, clock.instant()).block())) {
            queue.offer(jobId, at);
        }
    }

    /** Ends the job; false when it was no longer this worker's to end (cancelled meanwhile). */
    boolean finish(JobState state) {
        return Boolean.TRUE.equals(store.finish(jobId, worker, state, clock.instant()).block());
    }
}
