package dev.minstrel.ingest.queue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Hands job ids to workers. A delivery is only a hint that a job may be runnable: the worker still
 * claims it in the job store, which is what guarantees one run at a time.
 */
public interface JobQueue extends AutoCloseable {

    /** A job was queued and becomes due at {@code due}. */
    void offer(String jobId, Instant due);

    /** The next job worth claiming, waiting at most {@code wait}. */
    Optional<Delivery> take(Duration wait) throws InterruptedException;

    /** Keeps a delivery this worker is running from being handed to another worker. */
    default void keepAlive(Delivery delivery) {
    }

    /** The delivery is dealt with: the job ended, was re-offered, or can never run. */
    default void ack(Delivery delivery) {
    }

    /**
     * The job could not be claimed but is still alive (another worker holds it, or it is not due):
     * leave it to whoever can run it.
     */
    default void release(Delivery delivery) {
        ack(delivery);
    }

    @Override
    default void close() {
    }

    /** @param token the queue's own handle (a stream entry id), null when it needs none */
    record Delivery(String jobId, String token) {
    }
}
