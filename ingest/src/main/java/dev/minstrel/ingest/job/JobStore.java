package dev.minstrel.ingest.job;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;


/**
 * Jobs and items in the database. Every change of ownership is one conditional UPDATE whose row
 * count says who won, so two workers (threads, processes or instances) can never both run a job:
 * a worker holds a job through a lease it renews, and only the lease holder may finish it.
 */
public final class JobStore {

    private static final String JOB_COLUMNS = "id, url, identity, kind, state, owner_id, created_at, updated_at, "
            + "attempts, not_before, tool_output";
    private static final String OPEN = "('queued', 'running')";

    private final DatabaseClient db;

    public JobStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Job> insert(Job job) {
        Mono<Long> insertJob = db.sql("INSERT INTO ingest_job (" + JOB_COLUMNS + ") VALUES "
                        + "(:id, :url, :identity, :kind, :state, :owner, :created, :updated, :attempts, :notBefore, :output)")
                .bind("id", job.id()).bind("url", job.url()).bind("identity", job.identity())
                .bind("kind", job.kind()).bind("state", job.state().key()).bind("owner", job.ownerId())
                .bind("created", job.createdAt().toEpochMilli()).bind("updated", job.updatedAt().toEpochMilli())
                .bind("attempts", job.attempts()).bind("notBefore", job.notBefore().toEpochMilli())
                .bind("output", nullable(output(job.output())))
                .fetch().rowsUpdated();
        return insertJob.then(insertItems(job.id(), job.items())).then(find(job.id())).subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Job> find(String id) {
        return db.sql("SELECT " + JOB_COLUMNS + " FROM ingest_job WHERE id = :id").bind("id", id)
                .map(JobStore::jobRow).one()
                .flatMap(this::withItems)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The newest job for the same link that is waiting, running or done well: a re-paste joins it. */
    public Mono<Job> findLive(String identity) {
        return db.sql("SELECT " + JOB_COLUMNS + " FROM ingest_job WHERE identity = :identity "
                        + "AND state IN ('queued', 'running', 'succeeded') ORDER BY created_at DESC")
                .bind("identity", identity).map(JobStore::jobRow).all().next()
                .flatMap(this::withItems)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The newest job for the link in any state: a re-paste of a failed one retries it. */
    public Mono<Job> findLatest(String identity) {
        return db.sql("SELECT " + JOB_COLUMNS + " FROM ingest_job WHERE identity = :identity "
                        + "ORDER BY created_at DESC, id DESC")
                .bind("identity", identity).map(JobStore::jobRow).all().next()
                .flatMap(this::withItems)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Ids of the failed and partial jobs, oldest first; {@code ownerId} null means everyone's. */
    public Flux<String> failedIds(String ownerId) {
        var select = db.sql("SELECT id FROM ingest_job WHERE state IN ('failed', 'partial')"
                + (ownerId == null ? "" : " AND owner_id = :owner") + " ORDER BY created_at, id");
        if (ownerId != null) {
            select = select.bind("owner", ownerId);
        }
        return select.map(row -> row.get("id", String.class)).all().subscribeOn(Schedulers.boundedElastic());
    }

    /** Keeps the downloader's last lines with the job (an empty list clears them). */
    public Mono<Void> saveOutput(String id, List<String> lines) {
        return db.sql("UPDATE ingest_job SET tool_output = :output WHERE id = :id")
                .bind("output", nullable(output(lines))).bind("id", id)
                .fetch().rowsUpdated().then()
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Newest first; {@code ownerId} null means everyone's. */
    public Mono<JobPage> page(String ownerId, int offset, int limit) {
        String where = ownerId == null ? "" : " WHERE owner_id = :owner";
        var count = db.sql("SELECT COUNT(*) AS n FROM ingest_job" + where);
        var select = db.sql("SELECT " + JOB_COLUMNS + " FROM ingest_job" + where
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset);
        if (ownerId != null) {
            count = count.bind("owner", ownerId);
            select = select.bind("owner", ownerId);
        }
        Mono<Long> total = count.map(row -> ((Number) row.get("n")).longValue()).one();
        Mono<List<Job>> jobs = select.map(JobStore::jobRow).all().concatMap(this::withItems).collectList();
        return Mono.zip(jobs, total).map(t -> new JobPage(t.getT1(), offset, limit, t.getT2()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Jobs a worker may try to claim now: queued and due, or running on a lease that ran out. */
    public Flux<String> runnable(Instant now, int limit) {
        return db.sql("SELECT id FROM ingest_job WHERE (state = 'queued' AND not_before <= :now) "
                        + "OR (state = 'running' AND lease_until < :now) ORDER BY created_at, id LIMIT :limit")
                .bind("now", now.toEpochMilli()).bind("limit", limit)
                .map(row -> row.get("id", String.class)).all()
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** How many jobs wait in the queue and how many are running, on every instance. */
    public Mono<long[]> queuedAndRunning() {
        return db.sql("SELECT SUM(CASE WHEN state = 'queued' THEN 1 ELSE 0 END) AS queued, "
                        + "SUM(CASE WHEN state = 'running' THEN 1 ELSE 0 END) AS running FROM ingest_job "
                        + "WHERE state IN ('queued', 'running')")
                .map(row -> new long[]{count(row.get("queued")), count(row.get("running"))}).one()
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static long count(Object sum) {
        return sum == null ? 0 : ((Number) sum).longValue();
    }

    /** The earliest time a queued job becomes due, if any is waiting. */
    public Mono<Instant> nextDue() {
        return db.sql("SELECT MIN(not_before) AS due FROM ingest_job WHERE state = 'queued'")
                .map(row -> row.get("due", Long.class)).one()
                .map(Instant::ofEpochMilli)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Takes the job for {@code worker} if it is due or its previous run's lease ran out. */
    public Mono<Boolean> claim(String id, String worker, Instant now, Instant leaseUntil) {
        return db.sql("UPDATE ingest_job SET state = 'running', lease_owner = :worker, lease_until = :lease, "
                        + "attempts = attempts + 1, updated_at = :now WHERE id = :id AND "
                        + "((state = 'queued' AND not_before <= :now) OR (state = 'running' AND lease_until < :now))")
                .bind("worker", worker).bind("lease", leaseUntil.toEpochMilli()).bind("now", now.toEpochMilli())
                .bind("id", id)
                .fetch().rowsUpdated().map(n -> n == 1)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Extends the lease; false when the job is no longer this worker's (cancelled, or taken over). */
    public Mono<Boolean> renew(String id, String worker, Instant leaseUntil) {
        return db.sql("UPDATE ingest_job SET lease_until = :lease WHERE id = :id AND state = 'running' "
                        + "AND lease_owner = :worker")
                .bind("lease", leaseUntil.toEpochMilli()).bind("id", id).bind("worker", worker)
                .fetch().rowsUpdated().map(n -> n == 1)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Ends this worker's run in a final state; false if the job was cancelled or taken meanwhile. */
    public Mono<Boolean> finish(String id, String worker, JobState state, Instant now) {
        return db.sql("UPDATE ingest_job SET state = :state, lease_owner = NULL, lease_until = NULL, "
                        + "updated_at = :now WHERE id = :id AND state = 'running' AND lease_owner = :worker")
                .bind("state", state.key()).bind("now", now.toEpochMilli()).bind("id", id).bind("worker", worker)
                .fetch().rowsUpdated().map(n -> n == 1)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Puts this worker's run back in the queue, due at {@code notBefore} (backoff, shutdown). */
    public Mono<Boolean> requeue(String id, String worker, Instant notBefore, Instant now) {
        return db.sql("UPDATE ingest_job SET state = 'queued', lease_owner = NULL, lease_until = NULL, "
                        + "not_before = :notBefore, updated_at = :now "
                        + "WHERE id = :id AND state = 'running' AND lease_owner = :worker")
                .bind("notBefore", notBefore.toEpochMilli()).bind("now", now.toEpochMilli())
                .bind("id", id).bind("worker", worker)
                .fetch().rowsUpdated().map(n -> n == 1)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /**
     * At start-up: jobs this node was running when it died, and any whose lease ran out, are queued
     * again at once.
     */
    public Mono<List<String>> recover(String node, Instant now) {
        return db.sql("SELECT id FROM ingest_job WHERE state = 'running' AND (lease_owner LIKE :node OR lease_until < :now)")
                .bind("node", node + "/%").bind("now", now.toEpochMilli())
                .map(row -> row.get("id", String.class)).all().collectList()
                .flatMap(ids -> Flux.fromIterable(ids)
                        .concatMap(id -> db.sql("UPDATE ingest_job SET state = 'queued', lease_owner = NULL, "
                                        + "lease_until = NULL, not_before = :now, updated_at = :now "
                                        + "WHERE id = :id AND state = 'running'")
                                .bind("now", now.toEpochMilli()).bind("id", id).fetch().rowsUpdated()
                                .filter(n -> n == 1).map(n -> id))
                        .collectList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Cancels a waiting or running job and its unfinished items; empty if it had already ended. */
    public Mono<Boolean> cancel(String id, Instant now) {
        return db.sql("UPDATE ingest_job SET state = 'cancelled', updated_at = :now WHERE id = :id AND state IN " + OPEN)
                .bind("now", now.toEpochMilli()).bind("id", id)
                .fetch().rowsUpdated()
                .flatMap(n -> n == 0 ? Mono.just(false)
                        : db.sql("UPDATE ingest_item SET state = 'cancelled' WHERE job_id = :id AND state IN " + OPEN)
                        .bind("id", id).fetch().rowsUpdated().thenReturn(true))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Queues a finished job again; its tracks not yet in the library start over. */
    public Mono<Boolean> retry(String id, Instant now) {
        return db.sql("UPDATE ingest_job SET state = 'queued', attempts = 0, not_before = :now, updated_at = :now, "
                        + "lease_owner = NULL, lease_until = NULL "
                        + "WHERE id = :id AND state IN ('failed', 'partial', 'cancelled')")
                .bind("now", now.toEpochMilli()).bind("id", id)
                .fetch().rowsUpdated()
                .flatMap(n -> n == 0 ? Mono.just(false)
                        : db.sql("UPDATE ingest_item SET state = 'queued', percent = 0, error = NULL "
                                + "WHERE job_id = :id AND state <> 'succeeded'")
                        .bind("id", id).fetch().rowsUpdated().thenReturn(true))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Stores an item's new state unless the job was cancelled meanwhile. */
    public Mono<Boolean> saveItem(String jobId, JobItem item) {
        return db.sql("UPDATE ingest_item SET state = :state, percent = :percent, title = :title, artist = :artist, "
                        + "album = :album, track_id = :track, error = :error, in_library = :inLibrary "
                        + "WHERE job_id = :job AND position = :position AND state <> 'cancelled'")
                .bind("state", item.state().key()).bind("percent", item.percent())
                .bind("title", nullable(item.title())).bind("artist", nullable(item.artist()))
                .bind("album", nullable(item.album())).bind("track", nullable(item.trackId()))
                .bind("error", nullable(item.error())).bind("inLibrary", item.alreadyInLibrary())
                .bind("job", jobId).bind("position", item.position())
                .fetch().rowsUpdated().map(n -> n == 1)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Replaces the job's items (a list link turned out to hold N songs). */
    public Mono<Void> replaceItems(String jobId, List<JobItem> items) {
        return db.sql("DELETE FROM ingest_item WHERE job_id = :job").bind("job", jobId).fetch().rowsUpdated()
                .then(insertItems(jobId, items))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<Void> insertItems(String jobId, List<JobItem> items) {
        return Flux.fromIterable(items)
                .concatMap(item -> db.sql("INSERT INTO ingest_item (job_id, position, state, percent, title, artist, "
                                + "album, track_id, error, in_library) VALUES (:job, :position, :state, :percent, :title, "
                                + ":artist, :album, :track, :error, :inLibrary)")
                        .bind("job", jobId).bind("position", item.position()).bind("state", item.state().key())
                        .bind("percent", item.percent())
                        .bind("title", nullable(item.title())).bind("artist", nullable(item.artist()))
                        .bind("album", nullable(item.album())).bind("track", nullable(item.trackId()))
                        .bind("error", nullable(item.error())).bind("inLibrary", item.alreadyInLibrary())
                        .fetch().rowsUpdated())
                .then();
    }

    private Mono<Job> withItems(Job job) {
        return db.sql("SELECT position, state, percent, title, artist, album, track_id, error, in_library FROM ingest_item "
                        + "WHERE job_id = :job ORDER BY position")
                .bind("job", job.id())
                .map(row -> new JobItem(row.get("position", Integer.class), ItemState.ofKey(row.get("state", String.class)),
                        row.get("percent", Integer.class), row.get("title", String.class), row.get("artist", String.class),
                        row.get("album", String.class), row.get("track_id", String.class), row.get("error", String.class),
                        Boolean.TRUE.equals(row.get("in_library", Boolean.class))))
                .all().collectList()
                .map(job::withItems);
    }

    private static Job jobRow(Readable row) {
        return new Job(row.get("id", String.class), row.get("url", String.class), row.get("identity", String.class),
                row.get("kind", String.class), JobState.ofKey(row.get("state", String.class)),
                row.get("owner_id", String.class), Instant.ofEpochMilli(row.get("created_at", Long.class)),
                Instant.ofEpochMilli(row.get("updated_at", Long.class)), row.get("attempts", Integer.class),
                Instant.ofEpochMilli(row.get("not_before", Long.class)), lines(row.get("tool_output", String.class)),
                new ArrayList<>());
    }

    private static String output(List<String> lines) {
        return lines.isEmpty() ? null : String.join("\n", lines);
    }

    private static List<String> lines(String output) {
        return output == null ? List.of() : List.of(output.split("\n"));
    }

    private static Parameter nullable(String value) {
        return Parameter.fromOrEmpty(value, String.class);
    }

}
