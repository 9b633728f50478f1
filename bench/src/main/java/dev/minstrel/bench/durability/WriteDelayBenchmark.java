package dev.minstrel.bench.durability;

import dev.minstrel.library.LibraryService;
import dev.minstrel.library.TestLibrary;
import dev.minstrel.library.scan.ScanStatus;
import io.r2dbc.spi.ConnectionFactories;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What durable commits cost: the same scan and the same small write transactions on H2 with its
 * default write delay (commits reach the file up to 500 ms later, in batches) and with
 * {@code WRITE_DELAY=0} (each commit is written before it returns, as the server runs H2), in
 * alternating rounds of the same run. The default is the baseline; the ratios are the cost.
 *
 * <p>{@code WriteDelayBenchmark <music dir> <work dir> [seconds per write run]}
 */
public final class WriteDelayBenchmark {

    /** The server's H2 page cache (server config's DatabaseLocation), without and with the write delay at 0. */
    private static final String BASELINE = "DB_CLOSE_DELAY=-1;CACHE_SIZE=4096";
    private static final String DURABLE = BASELINE + ";WRITE_DELAY=0";

    private record Figures(double scanTracksPerSecond, double writesPerSecondOneThread, double writesPerSecondFourThreads) {
    }

    public static void main(String[] args) throws Exception {
        Path music = Path.of(args[0]);
        Path work = Path.of(args[1]);
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        List<Figures> baseline = new ArrayList<>();
        List<Figures> durable = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            baseline.add(measure(music, work, BASELINE, seconds));
            durable.add(measure(music, work, DURABLE, seconds));
        }
        Figures base = best(baseline);
        Figures safe = best(durable);
        System.out.printf(Locale.ROOT, "baseline  H2 default write delay: scan %.0f tracks/s, writes %.0f/s (1 thread), %.0f/s (4 threads)%n",
                base.scanTracksPerSecond(), base.writesPerSecondOneThread(), base.writesPerSecondFourThreads());
        System.out.printf(Locale.ROOT, "minstrel  WRITE_DELAY=0:          scan %.0f tracks/s, writes %.0f/s (1 thread), %.0f/s (4 threads)%n",
                safe.scanTracksPerSecond(), safe.writesPerSecondOneThread(), safe.writesPerSecondFourThreads());
        System.out.printf(Locale.ROOT, "ratio     durable/baseline:       scan %.2f, writes %.2f (1 thread), %.2f (4 threads)%n",
                safe.scanTracksPerSecond() / base.scanTracksPerSecond(),
                safe.writesPerSecondOneThread() / base.writesPerSecondOneThread(),
                safe.writesPerSecondFourThreads() / base.writesPerSecondFourThreads());
    }

    private static Figures best(List<Figures> rounds) {
        return new Figures(rounds.stream().mapToDouble(Figures::scanTracksPerSecond).max().orElseThrow(),
                rounds.stream().mapToDouble(Figures::writesPerSecondOneThread).max().orElseThrow(),
                rounds.stream().mapToDouble(Figures::writesPerSecondFourThreads).max().orElseThrow());
    }

    private static Figures measure(Path music, Path work, String options, int seconds) throws Exception {
        Path dir = Files.createDirectories(work.resolve("db-" + System.nanoTime()));
        String file = dir.resolve("minstrel").toAbsolutePath().toString();
        String jdbc = "jdbc:h2:file:" + file + ";" + options;
        Flyway.configure().dataSource(jdbc, "sa", "").locations("classpath:db/migration").load().migrate();
        double scan;
        try (LibraryService library = new LibraryService(TestLibrary.settings(music, dir.resolve("cache")),
                ConnectionFactories.get("r2dbc:h2:file://sa:@/" + file + "?" + options.replace(';', '&')),
                Clock.systemUTC())) {
            long start = System.nanoTime();
            ScanStatus first = library.scanNow(true);
            scan = first.tracksIndexed() / ((System.nanoTime() - start) / 1e9);
        }
        try (Connection setup = DriverManager.getConnection(jdbc, "sa", "")) {
            setup.createStatement().execute("CREATE TABLE bench_rating (item_id VARCHAR(64) PRIMARY KEY, rating INT)");
            return new Figures(scan, writes(jdbc, 1, seconds), writes(jdbc, 4, seconds));
        }
    }

    /** Small autocommit transactions, each one upsert as setRating makes, from {@code threads} threads. */
    private static double writes(String jdbc, int threads, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int writer = t;
            Thread thread = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(jdbc, "sa", "");
                     PreparedStatement upsert = connection.prepareStatement(
                             "MERGE INTO bench_rating (item_id, rating) KEY (item_id) VALUES (?, ?)")) {
                    for (int n = 0; System.nanoTime() < end; n++) {
                        upsert.setString(1, "tr-" + writer + "-" + (n % 500));
                        upsert.setInt(2, n % 5 + 1);
                        upsert.executeUpdate();
                        done.incrementAndGet();
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            writers.add(thread);
            thread.start();
        }
        for (Thread thread : writers) {
            thread.join();
        }
        return done.get() / (double) seconds;
    }

    private WriteDelayBenchmark() {
    }
}
