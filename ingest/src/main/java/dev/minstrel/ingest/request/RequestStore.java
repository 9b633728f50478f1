package dev.minstrel.ingest.request;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;

/** Requests in the database. A decision is one conditional UPDATE on a pending row: two deciders cannot both win. */
public final class RequestStore {

    private static final String COLUMNS = "id, requester_id, requester_name, url, identity, note, state, created_at, "
            + "decided_at, decided_by, reason, job_id";

    private final DatabaseClient db;

    public RequestStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<MusicRequest> insert(MusicRequest request) {
        return db.sql("INSERT INTO ingest_request (" + COLUMNS + ") VALUES (:id, :requester, :name, :url, :identity, "
                        + ":note, :state, :created, NULL, NULL, NULL, NULL)")
                .bind("id", request.id()).bind("requester", request.requesterId()).bind("name", request.requesterName())
                .bind("url", request.url()).bind("identity", request.identity())
                .bind("note", Parameter.fromOrEmpty(request.note(), String.class))
                .bind("state", request.state().key()).bind("created", request.createdAt().toEpochMilli())
                .fetch().rowsUpdated()
                .then(find(request.id()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<MusicRequest> find(String id) {
        return db.sql("SELECT " + COLUMNS + " FROM ingest_request WHERE id = :id").bind("id", id)
                .map(RequestStore::row).one()
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The requests an approval tied to this job (several friends may have asked for the same link). */
    public Flux<MusicRequest> forJob(String jobId) {
        return db.sql("SELECT " + COLUMNS + " FROM ingest_request WHERE job_id = :job").bind("job", jobId)
                .map(RequestStore::row).all()
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Newest first; {@code requesterId} null means everyone's. */
    public Flux<MusicRequest> list(String requesterId, int offset, int limit) {
        var select = db.sql("SELECT " + COLUMNS + " FROM ingest_request"
                + (requesterId == null ? "" : " WHERE requester_id = :requester")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset);
        if (requesterId != null) {
            select = select.bind("requester", requesterId);
        }
        return select.map(RequestStore::row).all().subscribeOn(Schedulers.boundedElastic());
    }

    public Mono<Long> countPending(String requesterId) {
        return db.sql("SELECT COUNT(*) AS n FROM ingest_request WHERE requester_id = :requester AND state = 'pending'")
                .bind("requester", requesterId)
                .map(row -> ((Number) row.get("n")).longValue()).one()
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The friend's pending request for the same link, if they already asked for it. */
    public Mono<MusicRequest> findPending(String requesterId, String identity) {
        return db.sql("SELECT " + COLUMNS + " FROM ingest_request WHERE requester_id = :requester "
                        + "AND identity = :identity AND state = 'pending'")
                .bind("requester", requesterId).bind("identity", identity)
                .map(RequestStore::row).all().next()
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Marks a pending request approved; false if someone decided it first. */
    public Mono<Boolean> approve(String id, String deciderId, Instant now) {
        return db.sql("UPDATE ingest_request SET state = 'approved', decided_at = :now, decided_by = :decider "
                        + "WHERE id = :id AND state = 'pending'")
                .bind("now", now.toEpochMilli()).bind("decider", deciderId).bind("id", id)
                .fetch().rowsUpdated().map(n -> n == 1)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Records the job an approval started. */
    public Mono<Void> attachJob(String id, String jobId) {
        return db.sql("UPDATE ingest_request SET job_id = :job WHERE id = :id")
                .bind("job", jobId).bind("id", id)
                .fetch().rowsUpdated().then()
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Marks a pending request declined with its reason; false if someone decided it first. */
    public Mono<Boolean> decline(String id, String deciderId, String reason, Instant now) {
        return db.sql("UPDATE ingest_request SET state = 'declined', decided_at = :now, decided_by = :decider, "
                        + "reason = :reason WHERE id = :id AND state = 'pending'")
                .bind("now", now.toEpochMilli()).bind("decider", deciderId).bind("reason", reason).bind("id", id)
                .fetch().rowsUpdated().map(n -> n == 1)
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Removes every request the account made; how many there were. */
    public Mono<Long> deleteFrom(String requesterId) {
        return db.sql("DELETE FROM ingest_request WHERE requester_id = :requester").bind("requester", requesterId)
                .fetch().rowsUpdated()
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static MusicRequest row(Readable row) {
        Long decided = row.get("decided_at", Long.class);
        return new MusicRequest(row.get("id", String.class), row.get("requester_id", String.class),
                row.get("requester_name", String.class), row.get("url", String.class), row.get("identity", String.class),
                row.get("note", String.class), MusicRequest.State.ofKey(row.get("state", String.class)),
                Instant.ofEpochMilli(row.get("created_at", Long.class)), decided == null ? null : Instant.ofEpochMilli(decided),
                row.get("decided_by", String.class), row.get("reason", String.class), row.get("job_id", String.class));
    }
}
