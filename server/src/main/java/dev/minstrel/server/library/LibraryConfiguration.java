package dev.minstrel.server.library;

import dev.minstrel.library.LibraryService;
import dev.minstrel.library.LibrarySettings;
import dev.minstrel.library.catalogue.CatalogueSettings;
import dev.minstrel.library.store.CatalogueStore;
import dev.minstrel.library.store.InstanceLease;
import dev.minstrel.server.config.CoreConfiguration.Folders;
import dev.minstrel.server.config.MinstrelProperties;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The music library, opened once the schema is migrated: its last catalogue loads from the database
 * on a thread of its own while the rest of the context starts, and the server takes requests only
 * once it is loaded (every read waits for it anyway); the first scan, the schedule and the folder watcher start only
 * once it does, so the scan does not compete with the start-up for the Pi's cores. On PostgreSQL,
 * which several instances may share, one of them at a time scans and watches the folder, and each
 * reloads the catalogue when another changed it.
 */
@Configuration(proxyBeanMethods = false)
public class LibraryConfiguration {

    /**
     * On a shared database, how often each instance renews or tries to take the scanner's lease and
     * looks whether another one changed the catalogue: a change shows everywhere within this.
     */
    static final Duration SHARED_CATALOGUE_CHECK = Duration.ofSeconds(2);
    /** A scanner that stopped renewing (it died) is replaced after this. */
    static final Duration SCANNER_LEASE = Duration.ofSeconds(15);

    @Bean(initMethod = "startLoadingCatalogue", destroyMethod = "close")
    @DependsOnDatabaseInitialization
    LibraryService musicLibrary(MinstrelProperties properties, Folders folders, ConnectionFactory connectionFactory,
                                Environment environment, Clock clock) {
        MinstrelProperties.Library library = properties.library();
        LibraryService service = new LibraryService(new LibrarySettings(
                folders.music(),
                folders.data().resolve("cache"),
                new CatalogueSettings(library.ignoredArticles(), library.variousArtists()),
                library.scanInterval(),
                library.watch(),
                library.thumbnailCache().toBytes(),
                library.scanThreads()), connectionFactory, storedCatalogueReader(environment), clock);
        if (properties.database().shared()) {
            service.shareDatabase(new InstanceLease(connectionFactory, "library-scanner", holderName(properties),
                    SCANNER_LEASE, clock), SHARED_CATALOGUE_CHECK);
        }
        return service;
    }

    /**
     * The stored catalogue is read over JDBC, on the connection Flyway migrates with (the same H2
     * file, or PostgreSQL), at half the CPU of R2DBC; null (R2DBC) when no Flyway URL was derived,
     * i.e. when the owner set {@code spring.r2dbc.url} directly.
     */
    private static CatalogueStore.JdbcConnections storedCatalogueReader(Environment environment) {
        String url = environment.getProperty("spring.flyway.url");
        if (url == null) {
            return null;
        }
        String user = environment.getProperty("spring.flyway.user");
        String password = environment.getProperty("spring.flyway.password");
        return () -> DriverManager.getConnection(url, user, password);
    }

    /** Unique to this process (a restarted instance is a new holder), readable in the table. */
    public static String holderName(MinstrelProperties properties) {
        return properties.ingest().node() + "@" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Runs after every bean is made and before the port opens: the first request finds the catalogue whole. */
    @Bean
    SmartInitializingSingleton storedCatalogueBeforeRequests(LibraryService library) {
        return library::awaitCatalogue;
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> libraryBackgroundWork(LibraryService library) {
        return ready -> library.startBackgroundWork();
    }
}
