package dev.minstrel.library.store;

import io.r2dbc.spi.ConnectionFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;

/**
 * A lease in the database (table {@code instance_lease}) that at most one of the instances sharing
 * it holds at a time: {@link #hold()} takes it when it is free or expired and renews it while this
 * instance holds it. A holder that dies stops renewing, and another takes the lease once it expires.
 * Calls block; make them from a thread of your own.
 */
public final class InstanceLease {

    private final DatabaseClient db;
    private final String name;
    private final String holder;
    private final Duration duration;
    private final Clock clock;

    /**
     * @param holder   this instance, unique among those sharing the database
     * @param duration how long a lease lasts unrenewed: renew well within it
     */
    public InstanceLease(ConnectionFactory database, String name, String holder, Duration duration, Clock clock) {
        this.db = DatabaseClient.create(database);
        this.name = name;
        this.holder = holder;
        this.duration = duration;
        this.clock = clock;
    }

    /** Takes or renews the lease; true while this instance holds it. */
    public boolean hold() {
        long now = clock.millis();
        long until = now + duration.toMillis();
        Mono<Boolean> renewedOrTaken = db.sql("UPDATE instance_lease SET holder = :holder, expires_at = :until "
                        + "WHERE name = :name AND (holder = :holder OR expires_at < :now)")
                .bind("holder", holder).bind("until", until).bind("name", name).bind("now", now)
                .fetch().rowsUpdated().map(updated -> updated > 0);
        Mono<Boolean> created = db.sql("INSERT INTO instance_lease (name, holder, expires_at) VALUES (:name, :holder, :until)")
                .bind("name", name).bind("holder", holder).bind("until", until)
                .fetch().rowsUpdated().map(inserted -> inserted > 0)
                // another instance made the row first: it holds the lease
                .onErrorReturn(DataIntegrityViolationException.class, false);
        return Boolean.TRUE.equals(renewedOrTaken
                .flatMap(held -> held ? Mono.just(true) : exists().flatMap(exists -> exists ? Mono.just(false) : created))
                .subscribeOn(Schedulers.boundedElastic()).block());
    }

    /** Gives the lease up at once (a clean stop), so another instance need not wait for it to expire. */
    public void release() {
        db.sql("UPDATE instance_lease SET expires_at = 0 WHERE name = :name AND holder = :holder")
                .bind("name", name).bind("holder", holder).fetch().rowsUpdated()
                .subscribeOn(Schedulers.boundedElastic()).block();
    }

    public String holder() {
        return holder;
    }

    private Mono<Boolean> exists() {
        return db.sql("SELECT COUNT(*) AS n FROM instance_lease WHERE name = :name").bind("name", name)
                .map(row -> row.get("n", Long.class)).one().map(n -> n > 0);
    }
}
