package dev.minstrel.subsonic.annotation;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Stars, ratings and scrobbles in the database, with each user's snapshot cached in memory so a
 * browse call costs no query. Writes go to the database first and are then applied to the cached
 * snapshot. A snapshot loaded while a write happened is not cached (generation check), so the cache
 * never keeps a stale view. H2 calls run on boundedElastic (stack trap T8).
 */
public final class AnnotationStore {

    private final DatabaseClient db;
    private final Map<String, UserAnnotations> cache = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();

    public AnnotationStore(DatabaseClient db) {
        this.db = db;
    }

    public Mono<UserAnnotations> of(String userId) {
        UserAnnotations cached = cache.get(userId);
        if (cached != null) {
            return Mono.just(cached);
        }
        long generation = generation(userId).get();
        return load(userId).doOnNext(loaded -> {
            if (generation(userId).get() == generation) {
                cache.putIfAbsent(userId, loaded);
            }
        });
    }

    private record Plays(String trackId, Annotation annotation) {
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
        Mono<Void> plays = db.sql("SELECT track_id, COUNT(*) AS plays, MAX(played_at) AS last_played FROM scrobble"
                        + " WHERE user_id = :user AND submission = TRUE GROUP BY track_id")
                .bind("user", userId)
                .map(row -> new Plays(row.get("track_id", String.class),
                        new Annotation(null, 0, row.get("plays", Long.class), row.get("last_played", Long.class))))
                .all().doOnNext(p -> items.merge(p.trackId(), p.annotation(),
                        (a, b) -> new Annotation(a.starredAt(), a.rating(), b.playCount(), b.lastPlayed())))
                .then();
        return stars.then(ratings).then(plays)
                .then(Mono.fromCallable(() -> new UserAnnotations(Map.copyOf(items))))
                .subscribeOn(Schedulers.boundedElastic());
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

    /** Records scrobbles; only submissions count as plays. */
    public Mono<Void> scrobble(String userId, String client, List<Scrobble> scrobbles) {
        return Flux.fromIterable(scrobbles)
                .concatMap(s -> db.sql("INSERT INTO scrobble (user_id, track_id, played_at, client, submission)"
                                + " VALUES (:user, :track, :at, :client, :submission)")
                        .bind("user", userId).bind("track", s.trackId()).bind("at", s.playedAt())
                        .bind("client", client).bind("submission", s.submission())
                        .fetch().rowsUpdated())
                .then()
                .subscribeOn(Schedulers.boundedElastic())
                .doOnSuccess(done -> {
                    for (Scrobble s : scrobbles) {
                        if (s.submission()) {
                            changed(userId, List.of(s.trackId()), a -> a.played(s.playedAt()));
                        }
                    }
                });
    }

    private void changed(String userId, Collection<String> itemIds, UnaryOperator<Annotation> change) {
        generation(userId).incrementAndGet();
        cache.computeIfPresent(userId, (user, snapshot) -> snapshot.with(itemIds, change));
    }

    private AtomicLong generation(String userId) {
        return generations.computeIfAbsent(userId, id -> new AtomicLong());
    }
}
