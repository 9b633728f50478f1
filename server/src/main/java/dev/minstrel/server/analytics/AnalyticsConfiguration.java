package dev.minstrel.server.analytics;

import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.imports.ListenImporter;
import dev.minstrel.analytics.listen.ListenRules;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.server.config.MinstrelProperties;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;

import java.time.Clock;

/**
 * Listens from scrobbles, the play history the Subsonic API shows, the stats /api/stats shows, and
 * the playlists made from listening.
 */
@Configuration(proxyBeanMethods = false)
public class AnalyticsConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    Analytics analytics(DatabaseClient database, MusicLibrary library, MinstrelProperties properties, Clock clock) {
        return Analytics.create(database, library::catalogue, properties.analytics().serverZone(), ListenRules.DEFAULTS,
                clock);
    }

    /** Makes the playlists made from listening again, off the request path, until the server stops. */
    @Bean(destroyMethod = "dispose")
    Disposable madePlaylistsRefresh(Analytics analytics) {
        return analytics.playlists().start();
    }

    /** Listens brought from ListenBrainz and Last.fm export files. */
    @Bean
    ListenImporter listenImporter(Analytics analytics, MusicLibrary library, Clock clock) {
        return new ListenImporter(analytics.store(), analytics.profiles(), library::catalogue, ListenRules.DEFAULTS, clock);
    }

    @Bean
    DeletedListeningHistory deletedListeningHistory(Analytics analytics) {
        return new DeletedListeningHistory(analytics.store(), analytics.settings());
    }
}
