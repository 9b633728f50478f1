package dev.minstrel.analytics.stats;

import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.listen.ListenHistoryGenerator;
import dev.minstrel.library.catalogue.Track;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.minstrel.analytics.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stats over a generated history: the figures match what was written, and the time they take is
 * printed. CI runs a modest size; the sizes of the issue (100,000 listens for one user, 1,000,000
 * for the server) are run with {@code -Dminstrel.analytics.users=10 -Dminstrel.analytics.listensPerUser=100000}.
 */
class StatsAtScaleTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void statsOfALargeHistoryAreRightAndComeFromTheRollUps() throws Exception {
        int users = Integer.getInteger("minstrel.analytics.users", 2);
        int perUser = Integer.getInteger("minstrel.analytics.listensPerUser", 10_000);
        List<Track> tracks = IntStream.range(0, 2_000)
                .mapToObj(i -> track("tr-" + i, "Song " + i, "Artist " + i % 200, "Album " + i % 400,
                        "Genre " + i % 25, 150 + i % 120))
                .toList();
        List<String> userIds = IntStream.range(0, users).mapToObj(i -> "us-" + i).toList();
        try (AnalyticsFixture fixture = new AnalyticsFixture(dir, NOW, tracks)) {
            long started = System.nanoTime();
            ListenHistoryGenerator.Written written = ListenHistoryGenerator.write(fixture.database.jdbcUrl(), userIds,
                    perUser, tracks, NOW, Duration.ofMinutes(4), AnalyticsFixture.SERVER_ZONE);
            long generated = System.nanoTime();
            fixture.analytics.store().rebuildRollUps().block();
            long rolledUp = System.nanoTime();
            System.out.printf("[scale] %d listens written in %d ms, roll-ups rebuilt in %d ms%n",
                    (long) users * perUser, (generated - started) / 1_000_000, (rolledUp - generated) / 1_000_000);

            ListeningStats stats = fixture.analytics.stats();
            StatsReport user = null;
            StatsReport server = null;
            long userMillis = Long.MAX_VALUE;
            long serverMillis = Long.MAX_VALUE;
            List<Long> userRuns = new ArrayList<>();
            List<Long> serverRuns = new ArrayList<>();
            for (int run = 0; run < 5; run++) {
                long t0 = System.nanoTime();
                user = stats.forUser("us-0", "u0", Period.ALL).block();
                long t1 = System.nanoTime();
                server = stats.forServer(Period.ALL).block();
                long t2 = System.nanoTime();
                userRuns.add((t1 - t0) / 1_000_000);
                serverRuns.add((t2 - t1) / 1_000_000);
                userMillis = Math.min(userMillis, (t1 - t0) / 1_000_000);
                serverMillis = Math.min(serverMillis, (t2 - t1) / 1_000_000);
            }
            long t3 = System.nanoTime();
            stats.forUser("us-0", "u0", Period.WEEK).block();
            stats.forServer(Period.YEAR).block();
            System.out.printf("[scale] user (%d listens) all-time stats: %s ms; server (%d listens): %s ms; "
                            + "week + year after: %d ms%n", perUser, userRuns, (long) users * perUser, serverRuns,
                    (System.nanoTime() - t3) / 1_000_000);

            assertThat(user.listens()).isEqualTo(written.listensPerUser().get("us-0"));
            assertThat(server.listens()).isEqualTo((long) users * perUser);
            assertThat(server.minutesListened()).isEqualTo(written.seconds() / 60);
            Map.Entry<String, Long> topTrack = written.listensPerTrack().entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry::getKey,
                            Comparator.reverseOrder())).orElseThrow();
            assertThat(server.topTracks().get(0).listens()).isEqualTo(topTrack.getValue());
            assertThat(server.distinctTracks()).isEqualTo(written.listensPerTrack().size());
            assertThat(server.listensByHour().stream().mapToLong(Long::longValue).sum()).isEqualTo(server.listens());
            assertThat(userMillis).as("best of 5, user stats").isLessThan(2_000);
            assertThat(serverMillis).as("best of 5, server stats").isLessThan(2_000);
        }
    }
}
