package dev.minstrel.library.shared;

import dev.minstrel.library.LibraryService;
import dev.minstrel.library.LibrarySettings;
import dev.minstrel.library.TestLibrary;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.library.fixtures.AudioFixtures;
import dev.minstrel.library.store.InstanceLease;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two libraries on one database and one music folder, as two server instances on PostgreSQL are:
 * one scans, both see every change, and neither undoes the other's.
 */
class SharedDatabaseTest {

    @TempDir
    Path tmp;
    Path music;
    ConnectionFactory database;
    final List<LibraryService> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        music = tmp.resolve("music");
        database = TestLibrary.database(tmp.resolve("db"));
    }

    @AfterEach
    void tearDown() {
        started.forEach(LibraryService::close);
    }

    private LibraryService instance(String name, LibrarySettings settings) {
        return instance(name, settings, Duration.ofMillis(100));
    }

    /** @param every how often it renews its lease (lasting 150 of these) and checks for changes */
    private LibraryService instance(String name, LibrarySettings settings, Duration every) {
        LibraryService library = new LibraryService(settings, database, Clock.systemUTC());
        library.shareDatabase(new InstanceLease(database, "library-scanner", name, every.multipliedBy(150),
                Clock.systemUTC()), every);
        library.start();
        started.add(library);
        return library;
    }

    private static void await(String what, BooleanSupplier condition) {
        // generous: a loaded build machine can stall a scan for many seconds
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static boolean has(LibraryService library, String title) {
        return library.catalogue().tracks().stream().map(Track::title).anyMatch(title::equals);
    }

    @Test
    void aLeaseIsHeldByOneInstanceRenewedByItAndTakenOverWhenItExpiresOrIsReleased() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-03T10:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        InstanceLease first = new InstanceLease(database, "job", "first", Duration.ofSeconds(15), clock);
        InstanceLease second = new InstanceLease(database, "job", "second", Duration.ofSeconds(15), clock);

        assertThat(first.hold()).isTrue();
        assertThat(second.hold()).isFalse();
        now.set(now.get().plusSeconds(10));
        assertThat(first.hold()).as("renewed").isTrue();
        now.set(now.get().plusSeconds(10));
        assertThat(second.hold()).as("the renewal lasts 15 s from itself").isFalse();
        now.set(now.get().plusSeconds(16));
        assertThat(second.hold()).as("expired: taken over").isTrue();
        assertThat(first.hold()).isFalse();
        second.release();
        assertThat(first.hold()).as("released: free at once").isTrue();
    }

    @Test
    void oneInstanceScansAndTheOtherSeesWhatItFound() throws Exception {
        AudioFixtures.mp3(music.resolve("A/One/01 First.mp3")).title("First").artist("A").album("One").write();
        LibrarySettings watching = TestLibrary.settings(music, tmp.resolve("cache")).withWatch(true);
        LibraryService one = instance("one", watching);
        LibraryService two = instance("two", watching);

        await("both have the first scan", () -> has(one, "First") && has(two, "First"));
        assertThat(List.of(one.scansTheFolder(), two.scansTheFolder())).as("exactly one of them scans")
                .containsExactlyInAnyOrder(true, false);

        AudioFixtures.mp3(music.resolve("A/One/02 Second.mp3")).title("Second").artist("A").album("One").write();

        await("the watcher's scan reaches both", () -> has(one, "Second") && has(two, "Second"));
    }

    @Test
    void aScanAskedOfTheInstanceThatDoesNotScanIsRunByTheOneThatDoes() throws Exception {
        AudioFixtures.mp3(music.resolve("A/One/01 First.mp3")).title("First").artist("A").album("One").write();
        LibrarySettings still = TestLibrary.settings(music, tmp.resolve("cache"));
        LibraryService one = instance("one", still);
        LibraryService two = instance("two", still);
        await("both have the first scan", () -> has(one, "First") && has(two, "First"));
        LibraryService idle = one.scansTheFolder() ? two : one;

        AudioFixtures.mp3(music.resolve("A/One/02 Second.mp3")).title("Second").artist("A").album("One").write();
        assertThat(idle.startScan(false)).isTrue();

        await("the scanner's scan reaches both", () -> has(one, "Second") && has(two, "Second"));
    }

    @Test
    void aFileIndexedByTheInstanceThatDoesNotScanIsKeptByTheNextScanOfTheOther() throws Exception {
        AudioFixtures.mp3(music.resolve("A/One/01 First.mp3")).title("First").artist("A").album("One").write();
        LibrarySettings still = TestLibrary.settings(music, tmp.resolve("cache"));
        // it takes the lease at once and then looks at nothing for an hour: it cannot catch up by itself
        LibraryService scanner = instance("scanner", still, Duration.ofMinutes(1));
        await("the first scan", () -> has(scanner, "First"));
        LibraryService lander = instance("lander", still);
        await("the other loads it", () -> has(lander, "First"));
        String firstId = lander.catalogue().tracks().get(0).id();

        Path landed = music.resolve("B/Two/01 Landed.mp3");
        AudioFixtures.mp3(landed).title("Landed").artist("B").album("Two").write();
        List<Track> indexed = lander.index(List.of(landed));
        assertThat(scanner.catalogue().trackCount()).as("not caught up").isEqualTo(1);
        // so its scan is worked out on a catalogue that is no longer the stored one, then anew on it
        scanner.scanNow(false);

        assertThat(indexed).extracting(Track::title).containsExactly("Landed");
        assertThat(scanner.catalogue().tracks()).extracting(Track::title).containsExactlyInAnyOrder("First", "Landed");
        assertThat(scanner.catalogue().track(indexed.get(0).id())).as("the landed track keeps its id").isPresent();
        assertThat(scanner.catalogue().track(firstId)).isPresent();
        await("the lander sees the scan's result", () -> lander.catalogue().trackCount() == 2);
    }
}
