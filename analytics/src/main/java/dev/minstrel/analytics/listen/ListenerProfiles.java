package dev.minstrel.analytics.listen;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.ZoneId;

/**
 * Each listener's own time zone, which decides on which local day, hour and week a listen falls.
 * Without one set, the server's zone applies. Changing it re-places all of the user's past listens
 * in the new zone, so their stats read as if the zone had always been set.
 */
public final class ListenerProfiles {

    private final DatabaseClient db;
    private final ListenStore store;
    private final ZoneId serverZone;

    public ListenerProfiles(DatabaseClient db, ListenStore store, ZoneId serverZone) {
        this.db = db;
        this.store = store;
        this.serverZone = serverZone;
    }

    public ZoneId serverZone() {
        return serverZone;
    }

    public Mono<ZoneId> zoneOf(String userId) {
        return Mono.fromCallable(() -> storedZone(db, userId)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Sets the user's zone and re-places their listens in it; returns the zone. */
    public Mono<ZoneId> setZone(String userId, ZoneId zone) {
        return store.exclusively(tx -> {
            if (zone.equals(storedZone(tx, userId))) {
                return zone;
            }
            Long updated = tx.sql("UPDATE listener_profile SET time_zone = :z WHERE user_id = :u")
                    .bind("z", zone.getId()).bind("u", userId)
                    .fetch().rowsUpdated().block();
            if (updated == null || updated == 0) {
                tx.sql("INSERT INTO listener_profile (user_id, time_zone) VALUES (:u, :z)")
                        .bind("u", userId).bind("z", zone.getId())
                        .fetch().rowsUpdated().block();
            }
            ListenStore.relocate(tx, userId, zone);
            return zone;
        });
    }

    /** Blocking: callers are already off the event loop. */
    ZoneId storedZone(DatabaseClient db, String userId) {
        String id = db.sql("SELECT time_zone FROM listener_profile WHERE user_id = :u")
                .bind("u", userId)
                .map(row -> row.get("time_zone", String.class)).one().block();
        return id == null ? serverZone : ZoneId.of(id);
    }
}
