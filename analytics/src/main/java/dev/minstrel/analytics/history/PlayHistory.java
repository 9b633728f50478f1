package dev.minstrel.analytics.history;

import dev.minstrel.analytics.listen.NowPlayingBoard;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.Catalogue;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the Subsonic side asks of the listens: play counts on songs and albums (from which it also
 * orders the frequent and recent album lists), an artist's top songs and who is listening now.
 * All read the all-time roll-ups, so each is one indexed query.
 */
public final class PlayHistory {

    private static final String SERVER = "*";

    private final DatabaseClient db;
    private final NowPlayingBoard board;
    private final Supplier<Catalogue> catalogue;
    private final Clock clock;

    public PlayHistory(DatabaseClient db, NowPlayingBoard board, Supplier<Catalogue> catalogue, Clock clock) {
        this.db = db;
        this.board = board;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Play counts of the given tracks for a user; tracks never played are absent from the map. */
    public Mono<Map<String, PlayCount>> tracks(String userId, Collection<String> trackIds) {
        return counts(userId, "track", trackIds);
    }

    /** Play counts of the given albums for a user (listens of any of their tracks). */
    public Mono<Map<String, PlayCount>> albums(String userId, Collection<String> albumIds) {
        return counts(userId, "album", albumIds);
    }

    /**
     * Play counts of every track and album the user ever played, keyed by id (track and album ids
     * never collide): listens, plus submissions the listening rules did not count (reported
     * plays), as the Subsonic API reports them. For a caller that keeps them in memory and adds
     * each new play itself.
     */
    public Mono<Map<String, PlayCount>> playCounts(String userId) {
        Mono<Map<String, PlayCount>> listens = db.sql("SELECT item, listens, last_started FROM listen_item "
                        + "WHERE scope = :scope AND period = 'a' AND period_start = 0 AND kind IN ('track', 'album')")
                .bind("scope", userId)
                .map(PlayHistory::playCount).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new);
        Flux<Map.Entry<String, PlayCount>> reported = db.sql("SELECT track_id AS item, COUNT(*) AS listens, "
                        + "MAX(started_at) AS last_started FROM reported_play WHERE user_id = :u GROUP BY track_id "
                        + "UNION ALL SELECT album_id AS item, COUNT(*) AS listens, MAX(started_at) AS last_started "
                        + "FROM reported_play WHERE user_id = :u AND album_id IS NOT NULL GROUP BY album_id")
                .bind("u", userId)
                .map(PlayHistory::playCount).all();
        return listens.flatMap(counts -> reported.doOnNext(play -> counts.merge(play.getKey(), play.getValue(),
                        (a, b) -> new PlayCount(a.count() + b.count(),
                                a.lastPlayed().isAfter(b.lastPlayed()) ? a.lastPlayed() : b.lastPlayed())))
                        .then(Mono.fromCallable(() -> Map.copyOf(counts))))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** getTopSongs: an artist's tracks in the library by listens of everyone, most first; unplayed ones are not listed. */
    public Mono<List<String>> topSongs(String artistId, int count) {
        List<String> trackIds = catalogue.get().artist(artistId).map(Artist::trackIds).orElse(List.of());
        if (trackIds.isEmpty() || count <= 0) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT item FROM listen_item WHERE scope = :scope AND period = 'a' AND period_start = 0 "
                        + "AND kind = 'track' AND item IN (:ids) ORDER BY listens DESC, last_started DESC")
                .bind("scope", SERVER).bind("ids", trackIds)
                .map(row -> row.get("item", String.class)).all()
                .take(count).collectList()
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** getNowPlaying: what each client is playing now, latest first. */
    public List<NowPlayingEntry> nowPlaying() {
        Instant now = clock.instant();
        return board.playing().stream()
                .map(p -> new NowPlayingEntry(p.userId(), p.trackId(), p.client(), p.startedAt(),
                        (int) Math.max(0, Duration.between(p.startedAt(), now).toMinutes()),
                        p.state().name().toLowerCase(Locale.ROOT), p.positionAt(now), p.playbackRate()))
                .toList();
    }

    private Mono<Map<String, PlayCount>> counts(String userId, String kind, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return db.sql("SELECT item, listens, last_started FROM listen_item WHERE scope = :scope AND period = 'a' "
                        + "AND period_start = 0 AND kind = :kind AND item IN (:ids)")
                .bind("scope", userId).bind("kind", kind).bind("ids", List.copyOf(ids))
                .map(PlayHistory::playCount).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .map(Map::copyOf)
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static Map.Entry<String, PlayCount> playCount(Readable row) {
        return Map.entry(row.get("item", String.class), new PlayCount(row.get("listens", Long.class),
                Instant.ofEpochMilli(row.get("last_started", Long.class))));
    }
}
