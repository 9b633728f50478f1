package dev.minstrel.library;

import dev.minstrel.library.store.CatalogueStore;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import org.flywaydb.core.Flyway;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;

/** A real library over a real H2 database file, migrated by Flyway, as the server wires it. */
public final class TestLibrary {

    private TestLibrary() {
    }

    /** Migrates (once per file) and returns an R2DBC connection factory for the database in {@code dir}. */
    public static ConnectionFactory database(Path dir) {
        String file = dir.toAbsolutePath().resolve("minstrel").toString();
        Flyway.configure().dataSource(jdbcUrl(dir), "sa", "").locations("classpath:db/migration").load().migrate();
        return ConnectionFactories.get("r2dbc:h2:file://sa:@/" + file + "?DB_CLOSE_DELAY=-1&WRITE_DELAY=0");
    }

    /** JDBC connections to the database in {@code dir}, as the server gives the library Flyway's. */
    public static CatalogueStore.JdbcConnections jdbc(Path dir) {
        String url = jdbcUrl(dir);
        return () -> DriverManager.getConnection(url, "sa", "");
    }

    private static String jdbcUrl(Path dir) {
        // each commit written before it is acknowledged, as the server has it: tests that kill a
        // process mid-job must find every row it had stored
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("minstrel") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
    }

    /** Settings for tests: no schedule, no watcher unless asked. */
    public static LibrarySettings settings(Path musicDir, Path cacheDir) {
        return LibrarySettings.defaults(musicDir, cacheDir).withScanInterval(Duration.ZERO).withWatch(false);
    }

    /** A started library whose initial scan has finished. */
    public static LibraryService started(LibrarySettings settings, ConnectionFactory database) {
        LibraryService library = new LibraryService(settings, database, Clock.systemUTC());
        library.start();
        if (!library.awaitIdle(Duration.ofSeconds(60))) {
            throw new IllegalStateException("the initial scan did not finish");
        }
        return library;
    }
}
