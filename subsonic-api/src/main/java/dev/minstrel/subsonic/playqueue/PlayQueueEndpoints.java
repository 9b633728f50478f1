package dev.minstrel.subsonic.playqueue;

import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.model.Child;
import dev.minstrel.subsonic.model.PayloadsPlayQueueBuilder;
import dev.minstrel.subsonic.model.PayloadsPlayQueueByIndexBuilder;
import dev.minstrel.subsonic.model.PayloadsBookmarkBuilder;
import dev.minstrel.subsonic.protocol.Call;
import dev.minstrel.subsonic.protocol.Dates;
import dev.minstrel.subsonic.protocol.ErrorCode;
import dev.minstrel.subsonic.protocol.Lookups;
import dev.minstrel.subsonic.protocol.Reply;
import dev.minstrel.subsonic.protocol.SubsonicException;
import dev.minstrel.subsonic.view.ViewSource;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The play queue saved across devices (savePlayQueue/getPlayQueue, and by places with the
 * OpenSubsonic savePlayQueueByIndex/getPlayQueueByIndex) and bookmarks. Positions are
 * milliseconds into the track. A savePlayQueue without ids clears the queue. Each save is one
 * transaction: a failure half-way leaves the queue or bookmark as it was.
 */
public final class PlayQueueEndpoints {

    private record SavedQueue(String currentId, Integer currentIndex, long position, long changed, String changedBy) {
    }

    private record SavedBookmark(String trackId, long position, String comment, long created, long changed) {
    }

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final ViewSource views;
    private final Clock clock;

    /** @param transactions one per write, over {@code db}'s connection factory */
    public PlayQueueEndpoints(DatabaseClient db, TransactionalOperator transactions, ViewSource views, Clock clock) {
        this.db = db;
        this.transactions = transactions;
        this.views = views;
        this.clock = clock;
    }

    public Mono<Reply> deleteBookmark(Call call) {
        return db.sql("DELETE FROM subsonic_bookmark WHERE user_id = :user AND track_id = :track")
                .bind("user", call.user().id()).bind("track", call.params().required("id"))
                .fetch().rowsUpdated().subscribeOn(Schedulers.boundedElastic()).thenReturn(Reply.EMPTY);
    }

    public Mono<Reply> savePlayQueue(Call call) {
        List<String> ids = call.params().all("id");
        ids.forEach(id -> Lookups.track(views.catalogue(), id));
        String current = call.params().string("current").filter(c -> !c.isBlank()).orElse(ids.isEmpty() ? null : ids.get(0));
        if (current != null && !ids.contains(current)) {
            throw new SubsonicException(ErrorCode.MISSING_PARAMETER, "Parameter 'current' must be one of the queued ids");
        }
        return save(call, ids, current == null ? -1 : ids.indexOf(current));
    }

    /** OpenSubsonic {@code indexBasedQueue}: {@code currentIndex} (from 0) names the current entry. */
    public Mono<Reply> savePlayQueueByIndex(Call call) {
        List<String> ids = call.params().all("id");
        ids.forEach(id -> Lookups.track(views.catalogue(), id));
        Integer index = call.params().integer("currentIndex").orElse(null);
        if (!ids.isEmpty() && index == null) {
            throw SubsonicException.missing("currentIndex");
        }
        if (index != null && !ids.isEmpty() && (index < 0 || index >= ids.size())) {
            throw SubsonicException.invalid("currentIndex", index.toString(),
                    "the place of a queued id, from 0 to " + (ids.size() - 1));
        }
        return save(call, ids, ids.isEmpty() ? -1 : index);
    }

    /** Replaces the user's queue in one transaction; no ids clears it. */
    private Mono<Reply> save(Call call, List<String> ids, int currentIndex) {
        String user = call.user().id();
        long position = call.params().longValue("position").orElse(0L);
        Mono<Long> clear = db.sql("DELETE FROM subsonic_play_queue_entry WHERE user_id = :user").bind("user", user)
                .fetch().rowsUpdated()
                .then(db.sql("DELETE FROM subsonic_play_queue WHERE user_id = :user").bind("user", user).fetch().rowsUpdated());
        if (ids.isEmpty()) {
            return transactions.transactional(clear).subscribeOn(Schedulers.boundedElastic()).thenReturn(Reply.EMPTY);
        }
        Mono<Void> save = clear
                .then(db.sql("INSERT INTO subsonic_play_queue (user_id, current_id, current_index, position, changed, changed_by)"
                                + " VALUES (:user, :current, :index, :position, :changed, :client)")
                        .bind("user", user).bind("current", ids.get(currentIndex)).bind("index", currentIndex)
                        .bind("position", position).bind("changed", clock.millis()).bind("client", call.client())
                        .fetch().rowsUpdated())
                .thenMany(Flux.range(0, ids.size()).concatMap(i -> db.sql(
                                "INSERT INTO subsonic_play_queue_entry (user_id, position, track_id) VALUES (:user, :position, :track)")
                        .bind("user", user).bind("position", i).bind("track", ids.get(i)).fetch().rowsUpdated()))
                .then();
        return transactions.transactional(save)
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(Reply.EMPTY);
    }

    public Mono<Reply> getPlayQueue(Call call) {
        return saved(call).map(queue -> Reply.of("playQueue", PayloadsPlayQueueBuilder.builder()
                        .current(queue.saved().currentId()).position(queue.saved().position())
                        .username(call.user().username()).changed(Dates.iso(queue.saved().changed()))
                        .changedBy(queue.saved().changedBy()).entry(queue.songs()).build()))
                .defaultIfEmpty(Reply.EMPTY);
    }

    /**
     * The queue by places. Entries whose songs left the library are left out, and the current
     * place counted among those that remain.
     */
    public Mono<Reply> getPlayQueueByIndex(Call call) {
        return saved(call).map(queue -> Reply.of("playQueueByIndex", PayloadsPlayQueueByIndexBuilder.builder()
                        .currentIndex(queue.currentIndex()).position(queue.saved().position())
                        .username(call.user().username()).changed(Dates.iso(queue.saved().changed()))
                        .changedBy(queue.saved().changedBy()).entry(queue.songs()).build()))
                .defaultIfEmpty(Reply.EMPTY);
    }

    private record Queue(SavedQueue saved, List<Child> songs, Integer currentIndex) {
    }

    private Mono<Queue> saved(Call call) {
        String user = call.user().id();
        Mono<List<String>> entries = db.sql("SELECT track_id FROM subsonic_play_queue_entry WHERE user_id = :user ORDER BY position")
                .bind("user", user).map(row -> row.get("track_id", String.class)).all().collectList();
        Mono<SavedQueue> queue = db.sql("SELECT current_id, current_index, position, changed, changed_by"
                        + " FROM subsonic_play_queue WHERE user_id = :user")
                .bind("user", user)
                .map(row -> new SavedQueue(row.get("current_id", String.class), row.get("current_index", Integer.class),
                        row.get("position", Long.class), row.get("changed", Long.class), row.get("changed_by", String.class)))
                .one();
        return queue.zipWith(entries).subscribeOn(Schedulers.boundedElastic())
                .zipWith(views.views(call))
                .map(t -> {
                    SavedQueue saved = t.getT1().getT1();
                    List<String> ids = t.getT1().getT2();
                    var v = t.getT2();
                    int savedIndex = saved.currentIndex() != null ? saved.currentIndex() : ids.indexOf(saved.currentId());
                    List<Child> songs = new ArrayList<>();
                    Integer currentIndex = null;
                    for (int i = 0; i < ids.size(); i++) {
                        var track = v.catalogue().track(ids.get(i));
                        if (track.isPresent()) {
                            if (i == savedIndex) {
                                currentIndex = songs.size();
                            }
                            songs.add(v.song(track.get()));
                        }
                    }
                    return new Queue(saved, songs, currentIndex);
                });
    }

    public Mono<Reply> createBookmark(Call call) {
        String user = call.user().id();
        String track = Lookups.track(views.catalogue(), call.params().required("id")).id();
        long position = call.params().longValue("position").orElseThrow(() -> SubsonicException.missing("position"));
        String comment = call.params().text("comment", 4000).orElse(null);
        long now = clock.millis();
        Mono<Long> write = db.sql("UPDATE subsonic_bookmark SET position = :position, comment = :comment, changed = :now"
                        + " WHERE user_id = :user AND track_id = :track")
                .bind("position", position).bind("now", now).bind("user", user).bind("track", track)
                .bind("comment", comment == null ? "" : comment)
                .fetch().rowsUpdated()
                .flatMap(updated -> updated > 0 ? Mono.just(updated)
                        : db.sql("INSERT INTO subsonic_bookmark (user_id, track_id, position, comment, created, changed)"
                                        + " VALUES (:user, :track, :position, :comment, :now, :now)")
                        .bind("user", user).bind("track", track).bind("position", position)
                        .bind("comment", comment == null ? "" : comment).bind("now", now)
                        .fetch().rowsUpdated());
        return transactions.transactional(write)
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(Reply.EMPTY);
    }

    public Mono<Reply> getBookmarks(Call call) {
        return db.sql("SELECT track_id, position, comment, created, changed FROM subsonic_bookmark WHERE user_id = :user"
                        + " ORDER BY changed DESC")
                .bind("user", call.user().id())
                .map(row -> new SavedBookmark(row.get("track_id", String.class), row.get("position", Long.class),
                        row.get("comment", String.class), row.get("created", Long.class), row.get("changed", Long.class)))
                .all().collectList()
                .subscribeOn(Schedulers.boundedElastic())
                .zipWith(views.views(call))
                .map(t -> Reply.of("bookmarks", new Payloads.Bookmarks(t.getT1().stream()
                        .flatMap(b -> t.getT2().catalogue().track(b.trackId()).stream()
                                .map(track -> PayloadsBookmarkBuilder.builder().position(b.position())
                                        .username(call.user().username()).comment(b.comment())
                                        .created(Dates.iso(b.created())).changed(Dates.iso(b.changed()))
                                        .entry(t.getT2().song(track)).build()))
                        .toList())));
    }
}
