package dev.minstrel.server.library;

import dev.minstrel.library.LibraryService;
import dev.minstrel.library.LibrarySettings;
import dev.minstrel.library.catalogue.CatalogueSettings;
import dev.minstrel.library.store.InstanceLease;
import dev.minstrel.server.config.CoreConfiguration.Folders;
import dev.minstrel.server.config.MinstrelProperties;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * The music library, opened once the schema is migrated: its last catalogue loads from the database
 * before the server takes requests; the first scan, the schedule and the folder watcher start only
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

    @Bean(initMethod = "loadCatalogue", destroyMethod = "close")
    @DependsOnDatabaseInitialization
    LibraryService musicLibrary(MinstrelProperties properties, Folders folders, ConnectionFactory connectionFactory,
                                Clock clock) {
        MinstrelProperties.Library library = properties.library();
        LibraryService service = new LibraryService(new LibrarySettings(
                folders.music(),
                folders.data().resolve("cache"),
                new CatalogueSettings(library.ignoredArticles(), library.variousArtists()),
                library.scanInterval(),
                library.watch(),
                library.thumbnailCache().toBytes(),
                library.scanThreads()), connectionFactory, clock);
        if (properties.database().shared()) {
            service.shareDatabase(new InstanceLease(connectionFactory, "library-scanner", holderName(properties),
                    SCANNER_LEASE, clock), SHARED_CATALOGUE_CHECK);
        }
        return service;
    }

    /** Unique to this process (a restarted instance is a new holder), readable in the table. */
    public static String holderName(MinstrelProperties properties) {
        return properties.ingest().node() + "@" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> libraryBackgroundWork(LibraryService library) {
        return ready -> library.startBackgroundWork();
    }
}
