package dev.minstrel.analytics.listen;

import dev.minstrel.library.catalogue.Track;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a large listening history straight into the listen table (JDBC batches), for volume
 * tests and bench/. Call {@link ListenStore#rebuildRollUps()} afterwards. The history is
 * deterministic: user u's i-th listen is track {@code (i * 7 + u * 3) % tracks} (a skewed pick
 * below, so top lists have clear winners), one every {@code spacing} going back from {@code end}.
 */
public final class ListenHistoryGenerator {

    private ListenHistoryGenerator() {
    }

    /** What was written: listens per user and per track (all users), to check stats against. */
    public record Written(Map<String, Long> listensPerUser, Map<String, Long> listensPerTrack, long seconds) {
    }

    public static Written write(String jdbcUrl, List<String> userIds, int listensPerUser, List<Track> tracks,
                                Instant end, Duration spacing, ZoneId zone) throws SQLException {
        Map<String, Long> perUser = new HashMap<>();
        Map<String, Long> perTrack = new HashMap<>();
        long seconds = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "sa", "")) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO listen (user_id, track_id, "
                    + "album_id, artist_id, genre, started_at, seconds_played, client, source, recorded_at, local_day, "
                    + "local_hour, weekday, week_start, month_start, year_start) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', 'submission', ?, ?, ?, ?, ?, ?, ?)")) {
                for (int u = 0; u < userIds.size(); u++) {
                    for (int i = 0; i < listensPerUser; i++) {
                        int pick = (i * 7 + u * 3) % tracks.size();
                        Track track = tracks.get(i % 5 == 0 ? pick % Math.max(1, tracks.size() / 20) : pick);
                        Instant startedAt = end.minus(spacing.multipliedBy(i + 1L));
                        LocalPlacement at = LocalPlacement.of(startedAt, zone);
                        insert.setString(1, userIds.get(u));
                        insert.setString(2, track.id());
                        insert.setString(3, track.albumId());
                        insert.setString(4, track.artistId());
                        insert.setString(5, track.genre());
                        insert.setLong(6, startedAt.toEpochMilli());
                        insert.setInt(7, track.durationSeconds());
                        insert.setLong(8, end.toEpochMilli());
                        insert.setInt(9, (int) at.day());
                        insert.setInt(10, at.hour());
                        insert.setInt(11, at.weekday());
                        insert.setInt(12, (int) at.weekStart());
                        insert.setInt(13, (int) at.monthStart());
                        insert.setInt(14, (int) at.yearStart());
                        insert.addBatch();
                        perUser.merge(userIds.get(u), 1L, Long::sum);
                        perTrack.merge(track.id(), 1L, Long::sum);
                        seconds += track.durationSeconds();
                        if (i % 10_000 == 9_999) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
            try (PreparedStatement names = connection.prepareStatement("INSERT INTO listened_track (track_id, title, "
                    + "artist, artist_id, album, album_id) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Track track : tracks) {
                    if (perTrack.containsKey(track.id())) {
                        names.setString(1, track.id());
                        names.setString(2, track.title());
                        names.setString(3, track.artist());
                        names.setString(4, track.artistId());
                        names.setString(5, track.album());
                        names.setString(6, track.albumId());
                        names.addBatch();
                    }
                }
                names.executeBatch();
            }
            connection.commit();
        }
        return new Written(Map.copyOf(perUser), Map.copyOf(perTrack), seconds);
    }
}
