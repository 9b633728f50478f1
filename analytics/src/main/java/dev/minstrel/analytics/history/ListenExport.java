package dev.minstrel.analytics.history;

import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** A user's listens, oldest first, for taking them elsewhere: streamed, never held in memory at once. */
public final class ListenExport {

    private final DatabaseClient db;
    private final Supplier<Catalogue> catalogue;

    public ListenExport(DatabaseClient db, Supplier<Catalogue> catalogue) {
        this.db = db;
        this.catalogue = catalogue;
    }

    public Flux<ExportedListen> of(String userId) {
        Catalogue library = catalogue.get();
        return db.sql("SELECT l.started_at, l.seconds_played, l.client, l.track_id, t.title, t.artist, t.album "
                        + "FROM listen l LEFT JOIN listened_track t ON t.track_id = l.track_id "
                        + "WHERE l.user_id = :u ORDER BY l.started_at, l.id")
                .bind("u", userId)
                .map(row -> {
                    String trackId = row.get("track_id", String.class);
                    Optional<Track> track = library.track(trackId);
                    return new ExportedListen(Instant.ofEpochMilli(row.get("started_at", Long.class)),
                            row.get("seconds_played", Integer.class), row.get("client", String.class), trackId,
                            track.map(Track::title).orElse(row.get("title", String.class)),
                            track.map(Track::artist).orElse(row.get("artist", String.class)),
                            track.map(Track::album).orElse(row.get("album", String.class)),
                            track.map(Track::durationSeconds).orElse(0),
                            track.map(Track::musicBrainzTrackId).orElse(null),
                            track.map(Track::musicBrainzAlbumId).orElse(null),
                            track.map(Track::musicBrainzArtistId).orElse(null));
                })
                .all()
                .subscribeOn(Schedulers.boundedElastic());
    }
}
