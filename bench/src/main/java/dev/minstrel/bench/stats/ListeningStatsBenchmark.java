package dev.minstrel.bench.stats;

import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.AnalyticsFixture;
import dev.minstrel.analytics.card.RecapCard;
import dev.minstrel.analytics.listen.ListenHistoryGenerator;
import dev.minstrel.analytics.sharing.FriendsSee;
import dev.minstrel.analytics.sharing.ListenerSettings;
import dev.minstrel.analytics.stats.CircleReport;
import dev.minstrel.analytics.stats.Period;
import dev.minstrel.analytics.stats.Recap;
import dev.minstrel.analytics.stats.StatsReport;
import dev.minstrel.analytics.stats.TasteOverlap;
import dev.minstrel.library.catalogue.Track;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.minstrel.analytics.TestTracks.track;

/**
 * The listening stats at {@code users} listeners and {@code listens} listens in all (issue 13: 50
 * and 1,000,000), in an H2 file database as the server runs it: one user's stats, the circle (every
 * listener shares their top lists, so it holds all of them), a year's recap, the taste overlap of
 * two listeners, making all of one listener's and the circle's playlists again after a listen, and
 * the recap as a PNG card (the recap read and the card drawn, nothing cached; {@code drawCard} the
 * drawing alone). {@code indexedCount}
 * is the same-run baseline: one indexed {@code COUNT(*)} of a user's listens of the last 30 days.
 * Run the sizes side by side ({@code -p listens=10000,1000000}) to see what grows with the history.
 *
 * <p>The history is written once per size into {@code minstrel.bench.dir} (default
 * {@code /tmp/minstrel-bench/stats}) and kept for the next run: writing a million listens and
 * rebuilding the roll-ups from them takes minutes. Each listener's listens are spread over the
 * year before 20 November 2026, over 2,000 tracks by 200 artists.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 5)
@Measurement(iterations = 2, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Djava.awt.headless=true"})
public class ListeningStatsBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Param("50")
    int users;

    @Param("1000000")
    int listens;

    private AnalyticsFixture fixture;
    private Analytics analytics;
    private final Map<String, String> usernames = new LinkedHashMap<>();
    private List<String> userIds;
    private Recap drawn;
    private int next;

    @Setup(Level.Trial)
    public void history() throws Exception {
        List<Track> tracks = IntStream.range(0, 2_000)
                .mapToObj(i -> track("tr-" + i, "Song " + i, "Artist " + i % 200, "Album " + i % 400,
                        "Genre " + i % 25, 150 + i % 120))
                .toList();
        userIds = IntStream.range(0, users).mapToObj(i -> "us-" + i).toList();
        userIds.forEach(id -> usernames.put(id, "listener" + id.substring(3)));
        Path dir = Path.of(System.getProperty("minstrel.bench.dir", "/tmp/minstrel-bench/stats"),
                users + "x" + listens);
        Files.createDirectories(dir);
        Path ready = dir.resolve("ready");
        fixture = new AnalyticsFixture(dir, NOW, tracks);
        analytics = fixture.analytics;
        if (!Files.exists(ready)) {
            int perUser = listens / users;
            long started = System.nanoTime();
            ListenHistoryGenerator.write(fixture.database.jdbcUrl(), userIds, perUser, tracks, NOW,
                    Duration.ofDays(365).dividedBy(perUser), AnalyticsFixture.SERVER_ZONE);
            long written = System.nanoTime();
            analytics.store().rebuildRollUps().block();
            for (String id : userIds) {
                analytics.settings().save(id, new ListenerSettings(true, FriendsSee.TOP_LISTS)).block();
            }
            System.out.printf("%n[history] %d listens written in %d s, roll-ups rebuilt in %d s%n", listens,
                    (written - started) / 1_000_000_000, (System.nanoTime() - written) / 1_000_000_000);
            Files.writeString(ready, "written " + Instant.now());
        }
        drawn = analytics.stats().recap(userIds.get(0), usernames.get(userIds.get(0)), "2026").block();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        fixture.close();
    }

    private String someone() {
        return userIds.get(next++ % userIds.size());
    }

    @Benchmark
    public StatsReport userStats() {
        String id = someone();
        return analytics.stats().forUser(id, usernames.get(id), Period.ALL).block();
    }

    @Benchmark
    public CircleReport circle() {
        return analytics.circle().forViewer(someone(), usernames, Period.WEEK).block();
    }

    @Benchmark
    public Recap recap() {
        String id = someone();
        return analytics.stats().recap(id, usernames.get(id), "2026").block();
    }

    @Benchmark
    public TasteOverlap overlap() {
        String you = someone();
        String them = someone();
        return analytics.overlaps().between(you, them, usernames.get(them), Period.ALL).block();
    }

    /** What the background task does after a counted listen: the listener's playlists and the circle's. */
    @Benchmark
    public void refreshPlaylistsAfterAListen() {
        analytics.playlists().listened(someone());
        analytics.playlists().refresh();
    }

    @Benchmark
    public byte[] recapCard() {
        String id = someone();
        return RecapCard.png(analytics.stats().recap(id, usernames.get(id), "2026").block());
    }

    /** The card alone: drawing and encoding a recap read once (what the card cache saves). */
    @Benchmark
    public byte[] drawCard() {
        return RecapCard.png(drawn);
    }

    @Benchmark
    public Long indexedCount() {
        return fixture.database.client()
                .sql("SELECT COUNT(*) AS n FROM listen WHERE user_id = :user AND started_at >= :from")
                .bind("user", someone()).bind("from", NOW.minus(Duration.ofDays(30)).toEpochMilli())
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
