package dev.minstrel.subsonic.annotation;

import dev.minstrel.analytics.history.PlayHistory;
import dev.minstrel.analytics.listen.Play;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Stars and ratings in the database and play counts from the analytics module's listens, with
 * each user's snapshot cached in memory so a browse call costs no query. Writes go to the database
 * first and are then applied to the cached snapshot; a listen counted by the analytics module is
 * added through {@link #played}. A snapshot loaded while a write happened is not cached
 * (generation check), so the cache never keeps a stale view of this instance's writes; on a
 * database other instances share, a snapshot is also reloaded after a few seconds. H2 calls run on boundedElastic: the
 * H2 driver blocks the thread that calls it, which must not be an event loop.
 */
public final class AnnotationStore {

    private record Cached(UserAnnotations annotations, long loadedNanos) {
    }

    private final DatabaseClient db;
    private final PlayHistory history;
    private final Duration sharedFor;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    /**
     * @param sharedFor on a database other instances write too (their stars, ratings and listens
     *                  never reach this cache), how long a snapshot is kept at most; null when
     *                  this instance is the database's only writer
     */
    public AnnotationStore(DatabaseClient db, PlayHistory history, Duration sharedFor) {
        this.db = db;
        this.history = history;
        this.sharedFor = sharedFor;
    }

    public Mono<UserAnnotations> of(String userId) {
        Cached cached = cache.get(userId);
        long now = System.nanoTime();
        if (cached != null && (sharedFor == null || now - cached.loadedNanos() < sharedFor.toNanos())) {
            return Mono.just(cached.annotations());
        }
        long generation = generation(userId).get();
        return load(userId).doOnNext(loaded -> {
            if (generation(userId).get() == generation) {
                cache.put(userId, new Cached(loaded, now));
            }
        });
    }

    private Mono<UserAnnotations> load(String userId) {
        Map<String, Annotation> items = new HashMap<>();
        Mono<Void> stars = db.sql("SELECT item_id, starred_at FROM subsonic_star WHERE user_id = :user")
                .bind("user", userId)
                .map(row -> Map.entry(row.get("item_id", String.class), row.get("starred_at", Long.class)))
                .all().doOnNext(e -> items.merge(e.getKey(), Annotation.NONE.starred(e.getValue()), (a, b) -> a.starred(e.getValue())))
                .then();
        Mono<Void> ratings = db.sql("SELECT item_id, rating FROM subsonic_rating WHERE user_id = :user")
                .bind("user", userId)
                .map(row -> Map.entry(row.get("item_id", String.class), row.get("rating", Integer.class)))
                .all().doOnNext(e -> items.merge(e.getKey(), Annotation.NONE.rated(e.getValue()), (a, b) -> a.rated(e.getValue())))
                .then();
        Mono<Void> plays = history.playCounts(userId)
                .doOnNext(counts -> counts.forEach((id, count) -> items.merge(id,
                        new Annotation(null, 0, count.count(), count.lastPlayed().toEpochMilli()),
                        (a, b) -> new Annotation(a.starredAt(), a.rating(), b.playCount(), b.lastPlayed()))))
                .then();
        return stars.then(ratings).subscribeOn(Schedulers.boundedElastic()).then(plays)
                .then(Mono.fromCallable(() -> new UserAnnotations(Map.copyOf(items))));
    }

    /** Stars the items; an item already starred keeps its original time. */
    public Mono<Void> star(String userId, Collection<String> itemIds, long now) {
        return Flux.fromIterable(itemIds)
                .concatMap(id -> db.sql("INSERT INTO subsonic_star (user_id, item_id, starred_at) VALUES (:user, :item, :at)")
                        .bind("user", userId).bind("item", id).bind("at", now)
                        .fetch().rowsUpdated()
                        .onErrorResume(DataIntegrityViolationException.class, alreadyStarred -> Mono.just(0L)))
                .then()
                .subscribeOn(Schedulers.boundedElastic())
                .doOnSuccess(done -> changed(userId, itemIds, a -> a.starredAt() != null ? a : a.starred(now)));
    }

    public Mono<Void> unstar(String userId, Collection<String> itemIds) {
        return Flux.fromIterable(itemIds)
                .concatMap(id -> db.sql("DELETE FROM subsonic_star WHERE user_id = :user AND item_id = :item")
                        .bind("user", userId).bind("item", id).fetch().rowsUpdated())
                .then()
                .subscribeOn(Schedulers.boundedElastic())
                .doOnSuccess(done -> changed(userId, itemIds, a -> a.starred(null)));
    }

    /** Rates an item from 1 to 5; 0 removes the rating. */
    public Mono<Void> rate(String userId, String itemId, int rating, long now) {
        Mono<Long> write = rating == 0
                ? db.sql("DELETE FROM subsonic_rating WHERE user_id = :user AND item_id = :item")
                .bind("user", userId).bind("item", itemId).fetch().rowsUpdated()
                : db.sql("UPDATE subsonic_rating SET rating = :rating, rated_at = :at WHERE user_id = :user AND item_id = :item")
                .bind("rating", rating).bind("at", now).bind("user", userId).bind("item", itemId)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated > 0 ? Mono.just(updated)
                        : db.sql("INSERT INTO subsonic_rating (user_id, item_id, rating, rated_at) VALUES (:user, :item, :rating, :at)")
                        .bind("user", userId).bind("item", itemId).bind("rating", rating).bind("at", now)
                        .fetch().rowsUpdated());
        return write.then()
                .subscribeOn(Schedulers.boundedElastic())
                .doOnSuccess(done -> changed(userId, List.of(itemId), a -> a.rated(rating)));
    }

    /** Adds a play the analytics module just reported to the user's cached play counts of its track and album. */
    public void played(Play play) {
        long at = play.startedAt().toEpochMilli();
        List<String> ids = play.albumId() == null ? List.of(play.trackId()) : List.of(play.trackId(), play.albumId());
        changed(play.userId(), ids, a -> a.played(at));
    }

    /** Deletes a user's stars and ratings and forgets their cached snapshot: the account was deleted. */
    public Mono<Void> forget(String userId) {
        return Flux.just("subsonic_star", "subsonic_rating")
                .concatMap(table -> db.sql("DELETE FROM " + table + " WHERE user_id = :user").bind("user", userId)
                        .fetch().rowsUpdated())
                .then()
                .subscribeOn(Schedulers.boundedElastic())
                // before completion reaches the caller (doFinally would run after: a race)
                .doOnTerminate(() -> reload(userId));
    }

    /**
     * Drops a user's cached snapshot, so their next call reads it again: for changes that did not
     * come through this store or {@link #played} (listens imported in bulk).
     */
    public void reload(String userId) {
        generation(userId).incrementAndGet();
        cache.remove(userId);
    }

    private void changed(String userId, Collection<String> itemIds, UnaryOperator<Annotation> change) {
        generation(userId).incrementAndGet();
        cache.computeIfPresent(userId, (user, snapshot) -> new Cached(snapshot.annotations().with(itemIds, change),
                snapshot.loadedNanos()));
    }

    private AtomicLong generation(String userId) {
        return generations.computeIfAbsent(userId, id -> new AtomicLong());
    }
}
