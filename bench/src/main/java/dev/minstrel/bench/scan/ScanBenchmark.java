package dev.minstrel.bench.scan;

import dev.minstrel.library.LibraryService;
import dev.minstrel.library.TestLibrary;
import dev.minstrel.library.catalogue.CatalogueSettings;
import dev.minstrel.library.scan.ScanStatus;
import dev.minstrel.library.tags.AudioFormats;
import dev.minstrel.library.tags.TagReader;
import io.r2dbc.spi.ConnectionFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The library's scan figures on a generated library, each beside a baseline taken in the same run
 * on the same files: the tag reader alone (jaudiotagger underneath) reading every file on one
 * thread, with nothing stored: the floor cost of reading tags in Java.
 *
 * <p>{@code ScanBenchmark <music dir> <work dir>}: the work dir gets a fresh H2 database.
 */
public final class ScanBenchmark {

    public static void main(String[] args) throws Exception {
        Path music = Path.of(args[0]);
        Path work = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(music)) {
            files = walk.filter(Files::isRegularFile).filter(f -> AudioFormats.isAudio(f.getFileName().toString()))
                    .toList();
        }

        TagReader reader = new TagReader(CatalogueSettings.DEFAULTS);
        long start = System.nanoTime();
        int read = 0;
        for (Path file : files) {
            try {
                reader.read(file, music.relativize(file).toString().replace('\\', '/'));
                read++;
            } catch (Exception unreadable) {
                // the generated library has corrupt files on purpose
            }
        }
        double baselineSeconds = (System.nanoTime() - start) / 1e9;

        ConnectionFactory connections = TestLibrary.database(Files.createDirectories(work.resolve("db-" + System.nanoTime())));
        try (LibraryService library = new LibraryService(TestLibrary.settings(music, work.resolve("cache")), connections,
                Clock.systemUTC())) {
            start = System.nanoTime();
            ScanStatus first = library.scanNow(true);
            double firstSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            ScanStatus again = library.scanNow(false);
            double rescanSeconds = (System.nanoTime() - start) / 1e9;

            System.out.printf(Locale.ROOT, "files %d (%d readable), tracks indexed %d, skipped %d%n",
                    files.size(), read, first.tracksIndexed(), first.skipped().size());
            System.out.printf(Locale.ROOT, "baseline  tag reader alone, 1 thread, nothing stored:  %.0f files/s (%.2f s)%n",
                    files.size() / baselineSeconds, baselineSeconds);
            System.out.printf(Locale.ROOT, "minstrel  first full scan (tags + store + catalogue):  %.0f tracks/s (%.2f s), "
                    + "%.2fx the baseline%n", first.tracksIndexed() / firstSeconds, firstSeconds,
                    (first.tracksIndexed() / firstSeconds) / (files.size() / baselineSeconds));
            System.out.printf(Locale.ROOT, "minstrel  rescan, nothing changed: %.3f s (%d tracks)%n", rescanSeconds,
                    again.tracksIndexed());
        }
    }

    private ScanBenchmark() {
    }
}
