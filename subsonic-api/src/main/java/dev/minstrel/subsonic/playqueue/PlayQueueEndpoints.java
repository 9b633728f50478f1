package dev.minstrel.subsonic.playqueue;

import dev.minstrel.subsonic.model.Payloads;
import dev.minstrel.subsonic.model.PayloadsPlayQueueBuilder;
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
import java.util.List;

/**
 * The play queue saved across devices (savePlayQueue/getPlayQueue) and bookmarks. Positions are
 * milliseconds into the track. A savePlayQueue without ids clears the queue. Each save is one
 * transaction: a failure half-way leaves the queue or bookmark as it was.
 */
public final class PlayQueueEndpoints {

    private record SavedQueue(String currentId, long position, long changed, String changedBy) {
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
        String user = call.user().id();
        List<String> ids = call.params().all("id");
        ids.forEach(id -> Lookups.track(views.catalogue(), id));
        String current = call.params().string("current").filter(c -> !c.isBlank()).orElse(ids.isEmpty() ? null : ids.get(0));
        if (current != null && !ids.contains(current)) {
            throw new SubsonicException(ErrorCode.MISSING_PARAMETER, "Parameter 'current' must be one of the queued ids");
        }
        long position = call.params().longValue("position").orElse(0L);
        Mono<Long> clear = db.sql("DELETE FROM subsonic_play_queue_entry WHERE user_id = :user").bind("user", user)
                .fetch().rowsUpdated()
                .then(db.sql("DELETE FROM subsonic_play_queue WHERE user_id = :user").bind("user", user).fetch().rowsUpdated());
        if (ids.isEmpty()) {
            return transactions.transactional(clear).subscribeOn(Schedulers.boundedElastic()).thenReturn(Reply.EMPTY);
        }
        Mono<Void> save = clear
                .then(db.sql("INSERT INTO subsonic_play_queue (user_id, current_id, position, changed, changed_by)"
                                + " VALUES (:user, :current, :position, :changed, :client)")
                        .bind("user", user).bind("current", current).bind("position", position)
                        .bind("changed", clock.millis()).bind("client", call.client()).fetch().rowsUpdated())
                .thenMany(Flux.range(0, ids.size()).concatMap(i -> db.sql(
                                "INSERT INTO subsonic_play_queue_entry (user_id, position, track_id) VALUES (:user, :position, :track)")
                        .bind("user", user).bind("position", i).bind("track", ids.get(i)).fetch().rowsUpdated()))
                .then();
        return transactions.transactional(save)
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(Reply.EMPTY);
    }

    public Mono<Reply> getPlayQueue(Call call) {
        String user = call.user().id();
        Mono<List<String>> entries = db.sql("SELECT track_id FROM subsonic_play_queue_entry WHERE user_id = :user ORDER BY position")
                .bind("user", user).map(row -> row.get("track_id", String.class)).all().collectList();
        Mono<SavedQueue> queue = db.sql("SELECT current_id, position, changed, changed_by FROM subsonic_play_queue WHERE user_id = :user")
                .bind("user", user)
                .map(row -> new SavedQueue(row.get("current_id", String.class), row.get("position", Long.class),
                        row.get("changed", Long.class), row.get("changed_by", String.class)))
                .one();
        return queue.zipWith(entries).subscribeOn(Schedulers.boundedElastic())
                .zipWith(views.views(call))
                .map(t -> {
                    SavedQueue saved = t.getT1().getT1();
                    var v = t.getT2();
                    var songs = v.songs(t.getT1().getT2().stream().flatMap(id -> v.catalogue().track(id).stream()).toList());
                    return Reply.of("playQueue", PayloadsPlayQueueBuilder.builder().current(saved.currentId())
                            .position(saved.position()).username(call.user().username())
                            .changed(Dates.iso(saved.changed())).changedBy(saved.changedBy()).entry(songs).build());
                })
                .defaultIfEmpty(Reply.EMPTY);
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
