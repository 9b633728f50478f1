package dev.minstrel.server.library;

import dev.minstrel.library.LibraryService;
import dev.minstrel.library.LibrarySettings;
import dev.minstrel.library.catalogue.CatalogueSettings;
import dev.minstrel.server.config.CoreConfiguration.Folders;
import dev.minstrel.server.config.MinstrelProperties;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The music library, opened once the schema is migrated: its last catalogue loads from the database
 * before the server takes requests; the first scan, the schedule and the folder watcher start only
 * once it does, so the scan does not compete with the start-up for the Pi's cores.
 */
@Configuration(proxyBeanMethods = false)
public class LibraryConfiguration {

    @Bean(initMethod = "loadCatalogue", destroyMethod = "close")
    @DependsOnDatabaseInitialization
    LibraryService musicLibrary(MinstrelProperties properties, Folders folders, ConnectionFactory connectionFactory,
                                Clock clock) {
        MinstrelProperties.Library library = properties.library();
        return new LibraryService(new LibrarySettings(
                folders.music(),
                folders.data().resolve("cache"),
                new CatalogueSettings(library.ignoredArticles(), library.variousArtists()),
                library.scanInterval(),
                library.watch(),
                library.thumbnailCache().toBytes(),
                library.scanThreads()), connectionFactory, clock);
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> libraryBackgroundWork(LibraryService library) {
        return ready -> library.startBackgroundWork();
    }
}
