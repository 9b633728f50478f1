package dev.minstrel.library.store;

import dev.minstrel.library.catalogue.ArtistRef;
import dev.minstrel.library.catalogue.FolderImage;
import dev.minstrel.library.catalogue.Ids;
import dev.minstrel.library.catalogue.ReplayGain;
import dev.minstrel.library.catalogue.Track;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The catalogue's tables (see {@code V202611251200__library_catalogue.sql}). Credits and genres
 * live in child tables keyed by track id. Every call blocks the calling thread (the scanner's own,
 * or start-up), with the driver's work moved off any event loop, and every write of one scan is
 * one transaction, so a crash never leaves half a scan behind. Rows go in multi-row statements.
 */
public final class CatalogueStore {

    private static final int MAX_PARAMETERS = 1000;
    private static final String LAST_MODIFIED = "last_modified";
    private static final String LAST_SCAN = "last_scan";
    /** When an instance that does not scan was last asked to (epoch ms; negative: a full scan). */
    private static final String SCAN_REQUESTED = "scan_requested";
    private static final String ROLE_ARTIST = "artist";
    private static final String ROLE_ALBUM_ARTIST = "album_artist";

    private static final String TRACK_COLUMNS = "id, path, file_size, file_mtime, created_at, title, album, album_id, "
            + "artist, artist_id, album_artist, album_artist_id, track_number, disc_number, track_year, "
            + "duration_seconds, bit_rate, sample_rate, channels, bit_depth, suffix, content_type, compilation, "
            + "sort_title, sort_artist, sort_album, sort_album_artist, mbz_track_id, mbz_album_id, mbz_artist_id, "
            + "mbz_album_artist_id, rg_track_gain, rg_track_peak, rg_album_gain, rg_album_peak, has_lyrics, has_cover, "
            + "comment_text, bpm, source_url, isrc";
    private static final Class<?>[] TRACK_TYPES = {String.class, String.class, Long.class, Long.class, Long.class,
            String.class, String.class, String.class, String.class, String.class, String.class, String.class,
            Integer.class, Integer.class, Integer.class, Integer.class, Integer.class, Integer.class, Integer.class,
            Integer.class, String.class, String.class, Boolean.class, String.class, String.class, String.class,
            String.class, String.class, String.class, String.class, String.class, Double.class, Double.class,
            Double.class, Double.class, Boolean.class, Boolean.class, String.class, Integer.class, String.class, String.class};

    /** A file the scanner could not read, remembered with the size and time it had then. */
    public record SkippedFile(String path, long size, long modifiedMillis, String reason) {
    }

    /** What the tables hold; {@code lastModified} and {@code lastScan} are null before the first scan. */
    public record Snapshot(List<Track> tracks, Map<String, FolderImage> folderImages, List<SkippedFile> skipped,
                           Instant lastModified, Instant lastScan) {
    }

    /**
     * One scan's writes.
     *
     * @param removedTrackIds tracks that are gone and tracks about to be rewritten (their rows are
     *                        deleted before {@code savedTracks} are inserted)
     * @param folderImages the complete new set of folder images
     * @param skipped      the complete new list of unreadable files
     * @param basedOn      the {@code lastModified} of the catalogue these changes were worked out
     *                     from (null for none yet): they are refused if the stored one differs
     */
    public record Changes(Collection<String> removedTrackIds, Collection<Track> savedTracks,
                          Map<String, FolderImage> folderImages, List<SkippedFile> skipped, Instant lastModified,
                          Instant lastScan, Instant basedOn) {
    }

    /**
     * Another instance sharing the database changed the catalogue since this one loaded it: the
     * changes were worked out from a catalogue that is no longer the stored one, and nothing was
     * written. Load it again and work them out anew.
     */
    public static final class StaleCatalogueException extends RuntimeException {
        StaleCatalogueException(Long stored, Instant basedOn) {
            super("the stored catalogue (changed at " + stored + ") is not the one the changes were based on ("
                    + (basedOn == null ? null : basedOn.toEpochMilli()) + ")", null, false, false);
        }
    }

    /** A plain JDBC connection to the same database, for {@link #load()}. */
    @FunctionalInterface
    public interface JdbcConnections {
        java.sql.Connection open() throws SQLException;
    }

    /** Runs a query and hands each of its rows to {@code each}, in order, on the calling thread. */
    private interface Rows {
        void each(String sql, Consumer<Readable> each);
    }

    private final DatabaseClient db;
    private final TransactionalOperator transactions;
    private final JdbcConnections jdbc;

    public CatalogueStore(ConnectionFactory connectionFactory) {
        this(connectionFactory, null);
    }

    /**
     * @param jdbc when given, {@link #load()} reads over JDBC: one plain cursor per table, about half
     *             the CPU of the same rows through R2DBC (a row object, a column map and a codec
     *             search per row, and a reactive signal per row), which is most of a Pi's start-up
     *             with 10,000 tracks; null reads over R2DBC
     */
    public CatalogueStore(ConnectionFactory connectionFactory, JdbcConnections jdbc) {
        this.db = DatabaseClient.create(connectionFactory);
        this.transactions = TransactionalOperator.create(new R2dbcTransactionManager(connectionFactory));
        this.jdbc = jdbc;
    }

    /** Blocks: call it off any event loop. */
    public Snapshot load() {
        if (jdbc == null) {
            Rows rows = (sql, each) -> db.sql(sql).map(row -> {
                each.accept(row);
                return true;
            }).all().blockLast();
            return Mono.fromCallable(() -> load(rows)).subscribeOn(Schedulers.boundedElastic()).block();
        }
        try (java.sql.Connection connection = jdbc.open()) {
            return load((sql, each) -> jdbcRows(connection, sql, each));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored catalogue: " + e.getMessage(), e);
        }
    }

    private static void jdbcRows(java.sql.Connection connection, String sql, Consumer<Readable> each) {
        try (java.sql.Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            Readable row = new Readable() {
                @Override
                public <T> T get(int index, Class<T> type) {
                    try {
                        return result.getObject(index + 1, type);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public <T> T get(String name, Class<T> type) {
                    try {
                        return result.getObject(name, type);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            };
            while (result.next()) {
                each.accept(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the stored catalogue: " + e.getMessage(), e);
        }
    }

    private static Snapshot load(Rows rows) {
        // the state first: the tables are read one query at a time, and a scan stored by another
        // instance between them must leave this snapshot looking older than the database (so the
        // next check loads it again), never as new as the database with the older rows
        Map<String, Long> state = new HashMap<>();
        rows.each("SELECT state_key, state_value FROM library_state",
                row -> state.put(row.get("state_key", String.class), row.get("state_value", Long.class)));
        Map<String, List<ArtistRef>> artists = new HashMap<>();
        Map<String, List<ArtistRef>> albumArtists = new HashMap<>();
        rows.each("SELECT track_id, role, artist_id, name FROM track_artist ORDER BY track_id, role, ordinal", row -> {
            var target = ROLE_ARTIST.equals(row.get("role", String.class)) ? artists : albumArtists;
            target.computeIfAbsent(row.get("track_id", String.class), id -> new ArrayList<>())
                    .add(new ArtistRef(row.get("artist_id", String.class), row.get("name", String.class)));
        });
        Map<String, List<String>> genres = new HashMap<>();
        rows.each("SELECT track_id, name FROM track_genre ORDER BY track_id, ordinal", row -> genres
                .computeIfAbsent(row.get("track_id", String.class), id -> new ArrayList<>())
                .add(row.get("name", String.class)));
        List<Track> tracks = new ArrayList<>();
        rows.each("SELECT " + TRACK_COLUMNS + " FROM track", row -> tracks.add(track(row, artists, albumArtists, genres)));
        Map<String, FolderImage> folderImages = new LinkedHashMap<>();
        rows.each("SELECT folder_path, image_path, image_mtime FROM folder_image", row -> folderImages.put(
                row.get("folder_path", String.class),
                new FolderImage(row.get("image_path", String.class), row.get("image_mtime", Long.class))));
        List<SkippedFile> skipped = new ArrayList<>();
        rows.each("SELECT path, file_size, file_mtime, reason FROM scan_skip ORDER BY path", row -> skipped.add(
                new SkippedFile(row.get("path", String.class), row.get("file_size", Long.class),
                        row.get("file_mtime", Long.class), row.get("reason", String.class))));
        return new Snapshot(tracks, folderImages, skipped, instant(state.get(LAST_MODIFIED)), instant(state.get(LAST_SCAN)));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static Track track(Readable row, Map<String, List<ArtistRef>> artists,
                               Map<String, List<ArtistRef>> albumArtists, Map<String, List<String>> genres) {
        String id = row.get("id", String.class);
        String path = row.get("path", String.class);
        String albumArtist = row.get("album_artist", String.class);
        int slash = path.lastIndexOf('/');
        return new Track(id, path, Ids.folderId(slash < 0 ? "" : path.substring(0, slash)),
                row.get("title", String.class), row.get("album", String.class), row.get("album_id", String.class),
                row.get("artist", String.class), row.get("artist_id", String.class),
                List.copyOf(artists.getOrDefault(id, List.of())), albumArtist,
                List.copyOf(albumArtists.getOrDefault(id, List.of(new ArtistRef(Ids.artistId(albumArtist), albumArtist)))),
                row.get("track_number", Integer.class), row.get("disc_number", Integer.class),
                row.get("track_year", Integer.class), List.copyOf(genres.getOrDefault(id, List.of())),
                row.get("duration_seconds", Integer.class), row.get("bit_rate", Integer.class),
                row.get("sample_rate", Integer.class), row.get("channels", Integer.class),
                row.get("bit_depth", Integer.class), row.get("file_size", Long.class), row.get("suffix", String.class),
                row.get("content_type", String.class), row.get("compilation", Boolean.class),
                row.get("sort_title", String.class), row.get("sort_artist", String.class),
                row.get("sort_album", String.class), row.get("sort_album_artist", String.class),
                row.get("mbz_track_id", String.class), row.get("mbz_album_id", String.class),
                row.get("mbz_artist_id", String.class), row.get("mbz_album_artist_id", String.class),
                new ReplayGain(row.get("rg_track_gain", Double.class), row.get("rg_track_peak", Double.class),
                        row.get("rg_album_gain", Double.class), row.get("rg_album_peak", Double.class)),
                row.get("has_lyrics", Boolean.class), row.get("has_cover", Boolean.class), null,
                row.get("comment_text", String.class), row.get("bpm", Integer.class),
                row.get("source_url", String.class), row.get("isrc", String.class), row.get("file_mtime", Long.class),
                Instant.ofEpochMilli(row.get("created_at", Long.class)));
    }

    /**
     * When the catalogue last changed as stored (epoch ms), or null before the first scan: one
     * cheap query that tells an instance whether another one changed the catalogue it holds.
     */
    public Long lastModifiedMillis() {
        return db.sql("SELECT state_value FROM library_state WHERE state_key = :key").bind("key", LAST_MODIFIED)
                .map(row -> row.get("state_value", Long.class)).one()
                .subscribeOn(Schedulers.boundedElastic()).block();
    }

    /**
     * Leaves word for the instance that scans that a scan was asked for at {@code at} (epoch ms,
     * unique enough: it is compared with the last one that instance served).
     */
    public void requestScan(long at, boolean full) {
        Mono<Void> work = db.inConnection(connection -> putState(connection, SCAN_REQUESTED, full ? -at : at));
        transactions.transactional(work).subscribeOn(Schedulers.boundedElastic()).block();
    }

    /** The last scan asked for through {@link #requestScan}: epoch ms, negative for a full scan; null for none. */
    public Long scanRequested() {
        return db.sql("SELECT state_value FROM library_state WHERE state_key = :key").bind("key", SCAN_REQUESTED)
                .map(row -> row.get("state_value", Long.class)).one()
                .subscribeOn(Schedulers.boundedElastic()).block();
    }

    /**
     * Applies one scan's changes in one transaction, unless the stored catalogue is not the one
     * they were worked out from ({@link StaleCatalogueException}). The check locks the row that
     * records the last change, so writers on several instances take turns.
     */
    public void save(Changes changes) {
        Mono<Void> work = db.inConnection(connection -> write(connection, changes));
        transactions.transactional(work).subscribeOn(Schedulers.boundedElastic()).block();
    }

    /** Records when a scan that found nothing to change finished. */
    public void saveScanTime(Instant lastScan) {
        Mono<Void> work = db.inConnection(connection -> execute(() -> connection
                .createStatement("DELETE FROM library_state WHERE state_key = $1").bind(0, LAST_SCAN))
                .then(insert(connection, "library_state", "state_key, state_value",
                        new Class<?>[]{String.class, Long.class}, List.<Object[]>of(new Object[]{LAST_SCAN,
                                lastScan.toEpochMilli()}))));
        transactions.transactional(work).subscribeOn(Schedulers.boundedElastic()).block();
    }

    private Mono<Void> write(Connection connection, Changes changes) {
        List<Object> removed = new ArrayList<>(changes.removedTrackIds());
        List<Object[]> trackRows = new ArrayList<>();
        List<Object[]> artistRows = new ArrayList<>();
        List<Object[]> genreRows = new ArrayList<>();
        for (Track track : changes.savedTracks()) {
            trackRows.add(trackRow(track));
            addCredits(artistRows, track.id(), ROLE_ARTIST, track.artists());
            addCredits(artistRows, track.id(), ROLE_ALBUM_ARTIST, track.albumArtists());
            for (int i = 0; i < track.genres().size(); i++) {
                genreRows.add(new Object[]{track.id(), i, track.genres().get(i)});
            }
        }
        List<Object[]> imageRows = new ArrayList<>();
        changes.folderImages().forEach((folder, image) -> imageRows.add(new Object[]{folder, image.path(),
                image.modifiedMillis()}));
        long now = changes.lastScan().toEpochMilli();
        List<Object[]> skipRows = new ArrayList<>();
        changes.skipped().forEach(s -> skipRows.add(new Object[]{s.path(), s.size(), s.modifiedMillis(), s.reason(), now}));
        List<Object[]> stateRows = new ArrayList<>();
        stateRows.add(new Object[]{LAST_MODIFIED, changes.lastModified().toEpochMilli()});
        stateRows.add(new Object[]{LAST_SCAN, now});

        return checkBase(connection, changes.basedOn())
                .then(deleteIn(connection, "track_artist", "track_id", removed))
                .then(deleteIn(connection, "track_genre", "track_id", removed))
                .then(deleteIn(connection, "track", "id", removed))
                .then(insert(connection, "track", TRACK_COLUMNS, TRACK_TYPES, trackRows))
                .then(insert(connection, "track_artist", "track_id, role, ordinal, artist_id, name",
                        new Class<?>[]{String.class, String.class, Integer.class, String.class, String.class}, artistRows))
                .then(insert(connection, "track_genre", "track_id, ordinal, name",
                        new Class<?>[]{String.class, Integer.class, String.class}, genreRows))
                .then(execute(() -> connection.createStatement("DELETE FROM folder_image")))
                .then(insert(connection, "folder_image", "folder_path, image_path, image_mtime",
                        new Class<?>[]{String.class, String.class, Long.class}, imageRows))
                .then(execute(() -> connection.createStatement("DELETE FROM scan_skip")))
                .then(insert(connection, "scan_skip", "path, file_size, file_mtime, reason, seen_at",
                        new Class<?>[]{String.class, Long.class, Long.class, String.class, Long.class}, skipRows))
                .then(Flux.fromIterable(stateRows).concatMap(row -> putState(connection, (String) row[0], (Long) row[1]))
                        .then());
    }

    /** The row stays (updated in place) so that its lock orders concurrent writers. */
    private static Mono<Void> putState(Connection connection, String key, long value) {
        return Flux.from(connection.createStatement("UPDATE library_state SET state_value = $1 WHERE state_key = $2")
                        .bind(0, value).bind(1, key).execute())
                .concatMap(Result::getRowsUpdated).reduce(0L, Long::sum)
                .flatMap(updated -> updated > 0 ? Mono.empty() : insert(connection, "library_state",
                        "state_key, state_value", new Class<?>[]{String.class, Long.class},
                        List.<Object[]>of(new Object[]{key, value})));
    }

    private static Mono<Void> checkBase(Connection connection, Instant basedOn) {
        return Flux.from(connection.createStatement(
                                "SELECT state_value FROM library_state WHERE state_key = $1 FOR UPDATE")
                        .bind(0, LAST_MODIFIED).execute())
                .concatMap(result -> result.map(row -> row.get("state_value", Long.class)))
                .collectList()
                .flatMap(values -> {
                    Long stored = values.isEmpty() ? null : values.get(0);
                    Long base = basedOn == null ? null : basedOn.toEpochMilli();
                    return Objects.equals(stored, base) ? Mono.<Void>empty()
                            : Mono.error(new StaleCatalogueException(stored, basedOn));
                });
    }

    private static void addCredits(List<Object[]> rows, String trackId, String role, List<ArtistRef> credits) {
        for (int i = 0; i < credits.size(); i++) {
            rows.add(new Object[]{trackId, role, i, credits.get(i).id(), credits.get(i).name()});
        }
    }

    private static Object[] trackRow(Track t) {
        ReplayGain rg = t.replayGain() == null ? ReplayGain.NONE : t.replayGain();
        return new Object[]{t.id(), t.path(), t.size(), t.modifiedMillis(), t.created().toEpochMilli(), t.title(),
                t.album(), t.albumId(), t.artist(), t.artistId(), t.albumArtist(), Ids.artistId(t.albumArtist()),
                t.trackNumber(), t.discNumber(), t.year(), t.durationSeconds(), t.bitRate(), t.sampleRate(),
                t.channels(), t.bitDepth(), t.suffix(), t.contentType(), t.compilation(), t.sortTitle(),
                t.sortArtist(), t.sortAlbum(), t.sortAlbumArtist(), t.musicBrainzTrackId(), t.musicBrainzAlbumId(),
                t.musicBrainzArtistId(), t.musicBrainzAlbumArtistId(), rg.trackGain(), rg.trackPeak(),
                rg.albumGain(), rg.albumPeak(), t.hasEmbeddedLyrics(), t.hasEmbeddedCover(), t.comment(), t.bpm(),
                t.sourceUrl(), t.isrc()};
    }

    /** Multi-row INSERTs of at most {@value #MAX_PARAMETERS} parameters each: far fewer round trips than one row per statement. */
    private static Mono<Void> insert(Connection connection, String table, String columns, Class<?>[] types,
                                     List<Object[]> rows) {
        int perStatement = Math.max(1, MAX_PARAMETERS / types.length);
        return Flux.fromIterable(chunks(rows, perStatement)).concatMap(chunk -> execute(() -> {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(table).append(" (").append(columns).append(") VALUES ");
            int marker = 1;
            for (int r = 0; r < chunk.size(); r++) {
                sql.append(r > 0 ? ", (" : "(");
                for (int c = 0; c < types.length; c++) {
                    sql.append(c > 0 ? ", $" : "$").append(marker++);
                }
                sql.append(')');
            }
            Statement statement = connection.createStatement(sql.toString());
            int index = 0;
            for (Object[] row : chunk) {
                for (int c = 0; c < types.length; c++, index++) {
                    if (row[c] == null) {
                        statement.bindNull(index, types[c]);
                    } else {
                        statement.bind(index, row[c]);
                    }
                }
            }
            return statement;
        })).then();
    }

    private static Mono<Void> deleteIn(Connection connection, String table, String column, List<Object> ids) {
        return Flux.fromIterable(chunks(ids, MAX_PARAMETERS)).concatMap(chunk -> execute(() -> {
            StringBuilder sql = new StringBuilder("DELETE FROM ").append(table).append(" WHERE ").append(column).append(" IN (");
            for (int i = 1; i <= chunk.size(); i++) {
                sql.append(i > 1 ? ", $" : "$").append(i);
            }
            Statement statement = connection.createStatement(sql.append(')').toString());
            for (int i = 0; i < chunk.size(); i++) {
                statement.bind(i, chunk.get(i));
            }
            return statement;
        })).then();
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }

    /** Deferred: the driver may run a statement as soon as {@code execute()} is called. */
    private static Mono<Void> execute(Supplier<Statement> statement) {
        return Mono.defer(() -> Flux.from(statement.get().execute()).concatMap(Result::getRowsUpdated).then());
    }
}
