package dev.minstrel.ingest.queue;

import dev.minstrel.ingest.job.JobStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default: the queue is the job table itself. Idle workers wake when a job is offered
 * and otherwise look every poll interval for jobs that became due or whose lease ran out (a crash).
 */
public final class DatabaseJobQueue implements JobQueue {

    private final JobStore store;
    private final Clock clock;
    private final Duration pollInterval;
    private final Set<String> handedOut = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private long offers;

    public DatabaseJobQueue(JobStore store, Clock clock, Duration pollInterval) {
        this.store = store;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    @Override
    public void offer(String jobId, Instant due) {
        synchronized (signal) {
            offers++;
            signal.notifyAll();
        }
    }

    @Override
    public Optional<Delivery> take(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long seen;
            synchronized (signal) {
                seen = offers;
            }
            List<String> due = store.runnable(clock.instant(), 16).collectList().block();
            for (String id : due == null ? List.<String>of() : due) {
                if (handedOut.add(id)) {
                    return Optional.of(new Delivery(id, null));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            synchronized (signal) {
                if (offers == seen) {
                    signal.wait(Math.max(1, Math.min(left, pollInterval.toNanos()) / 1_000_000));
                }
            }
        }
    }

    @Override
    public void ack(Delivery delivery) {
        handedOut.remove(delivery.jobId());
    }

    @Override
    public void close() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }
}
