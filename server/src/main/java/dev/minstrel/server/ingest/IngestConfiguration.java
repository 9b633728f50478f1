package dev.minstrel.server.ingest;

import dev.minstrel.ingest.Ingest;
import dev.minstrel.ingest.IngestService;
import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.request.RequestService;
import dev.minstrel.library.LibraryService;
import dev.minstrel.server.config.CoreConfiguration.Folders;
import dev.minstrel.server.config.MinstrelProperties;
import io.lettuce.core.RedisClient;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Pasted links become downloads: the job queue in the database, or in Redis when
 * {@code minstrel.redis.url} is set so several instances share the work. Started after the
 * library, whose index a finished download lands in.
 */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    @DependsOnDatabaseInitialization
    Ingest ingest(MinstrelProperties properties, Folders folders, ConnectionFactory database, LibraryService library,
                  Clock clock) {
        MinstrelProperties.Ingest ingest = properties.ingest();
        IngestSettings defaults = IngestSettings.defaults(folders.data());
        IngestSettings settings = new IngestSettings(ingest.spotdl(), ingest.ytDlp(), null, defaults.stagingDir(),
                defaults.homeDir(), ingest.concurrency(), ingest.jobTimeout(), ingest.maxAttempts(),
                ingest.retryBackoff(), ingest.diskReserve().toBytes(), defaults.format(), ingest.bitrate(),
                ingest.spotifyClientId(), ingest.spotifyClientSecret(), defaults.lease(), defaults.pollInterval(),
                defaults.rateLimitMaxWait(), defaults.stopGrace(), ingest.node());
        if (properties.redis().configured()) {
            return Ingest.withRedis(settings, database, library, clock, RedisClient.create(properties.redis().url()),
                    properties.redis().prefix() + ":ingest");
        }
        return Ingest.embedded(settings, database, library, clock);
    }

    /** What the /api/ingest endpoints call. */
    @Bean
    IngestService ingestService(Ingest ingest) {
        return ingest.service();
    }

    /** What the /api/requests endpoints call. */
    @Bean
    RequestService requestService(Ingest ingest, MinstrelProperties properties) {
        return ingest.requests(properties.ingest().maxPendingRequests());
    }

    @Bean
    DeletedRequests deletedRequests(RequestService requests) {
        return new DeletedRequests(requests);
    }
}
