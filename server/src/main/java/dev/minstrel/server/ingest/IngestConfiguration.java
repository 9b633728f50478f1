package dev.minstrel.server.ingest;

import dev.minstrel.ingest.Ingest;
import dev.minstrel.ingest.IngestService;
import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.request.RequestService;
import dev.minstrel.ingest.watch.WatchService;
import dev.minstrel.ingest.watch.WatchSettings;
import dev.minstrel.library.LibraryService;
import dev.minstrel.library.store.InstanceLease;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.library.LibraryConfiguration;
import dev.minstrel.subsonic.SubsonicApi;
import dev.minstrel.server.config.CoreConfiguration.Folders;
import dev.minstrel.server.config.MinstrelProperties;
import io.lettuce.core.RedisClient;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * Pasted links become downloads: the job queue in the database, or in Redis when
 * {@code minstrel.redis.url} is set so several instances share the work. Started after the
 * library, whose index a finished download lands in.
 */
@Configuration(proxyBeanMethods = false)
public class IngestConfiguration {

    /** How long another instance waits before taking the watches over from one that died. */
    private static final Duration WATCH_LEASE = Duration.ofSeconds(60);

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

    /**
     * What the /api/watches endpoints call. One instance syncs the watches at a time (the lease, on
     * whatever database the instances share); started once the application is up.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    WatchService watchService(Ingest ingest, WatchProperties watch, SubsonicApi subsonic, MinstrelProperties properties,
                              ConnectionFactory database, Accounts accounts, Clock clock) {
        WatchSettings settings = new WatchSettings(watch.watchInterval(), watch.watchMaxBackoff(), watch.watchTick(),
                WATCH_LEASE.compareTo(watch.watchTick().multipliedBy(3)) > 0 ? WATCH_LEASE : watch.watchTick().multipliedBy(3));
        return ingest.watches(settings, new SubsonicPlaylistMirror(subsonic.mirroredPlaylists()),
                new InstanceLease(database, "ingest-watches", LibraryConfiguration.holderName(properties),
                        settings.lease(), clock),
                // asked on the syncing thread, never on a request's: a blocking read is fine there
                userId -> Boolean.TRUE.equals(accounts.activeById(userId)
                        .map(account -> account.isOwner() || account.canIngest()).block()));
    }

    @Bean
    DeletedWatches deletedWatches(WatchService watches) {
        return new DeletedWatches(watches);
    }

    @Bean
    DeletedRequests deletedRequests(RequestService requests) {
        return new DeletedRequests(requests);
    }
}
