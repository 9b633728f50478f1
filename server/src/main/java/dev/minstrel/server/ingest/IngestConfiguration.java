package dev.minstrel.server.ingest;

import dev.minstrel.ingest.Ingest;
import dev.minstrel.ingest.IngestSettings;
import dev.minstrel.ingest.api.IngestCaller;
import dev.minstrel.ingest.api.IngestCallers;
import dev.minstrel.library.LibraryService;
import dev.minstrel.server.accounts.Account;
import dev.minstrel.server.api.Caller;
import dev.minstrel.server.config.CoreConfiguration.Folders;
import dev.minstrel.server.config.MinstrelProperties;
import io.lettuce.core.RedisClient;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

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
                    "minstrel:ingest");
        }
        return Ingest.embedded(settings, database, library, clock);
    }

    @Bean
    RouterFunction<ServerResponse> ingestRoutes(Ingest ingest) {
        return ingest.routes(IngestConfiguration::caller);
    }

    /** The /api caller, as the ingest endpoints see it: the owner may do all, friends need the ingest grant. */
    private static Mono<IngestCaller> caller(org.springframework.web.reactive.function.server.ServerRequest request) {
        return Mono.justOrEmpty(Caller.of(request.exchange())).map(found -> {
            Account account = found.account();
            return new IngestCaller(account.id(), account.username(), account.isOwner(),
                    account.isOwner() || account.canIngest());
        });
    }
}
