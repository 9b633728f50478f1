package dev.minstrel.server.subsonic;

import dev.minstrel.analytics.Analytics;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.server.accounts.Accounts;
import dev.minstrel.server.accounts.SecretBox;
import dev.minstrel.server.accounts.apikeys.ApiKeys;
import dev.minstrel.server.accounts.sessions.PlayerKeys;
import dev.minstrel.server.security.LoginThrottle;
import dev.minstrel.server.config.MinstrelProperties;
import dev.minstrel.subsonic.SubsonicApi;
import dev.minstrel.subsonic.protocol.Cors;
import dev.minstrel.subsonic.protocol.RestErrorHandler;
import dev.minstrel.subsonic.protocol.SubsonicSettings;
import dev.minstrel.subsonic.transcode.AudioFormat;
import dev.minstrel.subsonic.transcode.TranscodeProfiles;
import dev.minstrel.subsonic.transcode.TranscodeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

import java.time.Clock;
import java.time.Duration;

/** The Subsonic REST API under /rest, on Minstrel's library and accounts. */
@Configuration(proxyBeanMethods = false)
public class SubsonicConfiguration {

    @Bean
    SubsonicApi subsonicApi(MusicLibrary library, Accounts accounts, ApiKeys apiKeys, PlayerKeys playerKeys,
                            LoginThrottle throttle,
                            DatabaseClient database, Analytics analytics, Clock clock, MinstrelProperties properties,
                            SecretBox secretBox) {
        // other instances' writes (accounts, stars, ratings, listens) count here within seconds
        Duration sharedFor = properties.database().shared() ? Duration.ofSeconds(2) : null;
        SubsonicSettings defaults = SubsonicSettings.DEFAULTS;
        SubsonicSettings settings = new SubsonicSettings(serverVersion(), defaults.type(), defaults.legacyClients(),
                defaults.minimalClients(), defaults.maxFormBytes(), defaults.musicFolderName(),
                properties.library().ignoredArticles(), sharedFor);
        return new SubsonicApi(library, new AccountsForSubsonic(accounts, apiKeys, playerKeys, sharedFor),
                new SubsonicLoginGuard(throttle),
                database, analytics, clock, settings,
                // its own key from data/secret.key: image URLs stay valid across restarts, and
                // signing them reveals nothing of the keys that seal passwords or sign sessions
                secretBox.deriveKey("minstrel cover art urls v1"), transcodeSettings(properties));
    }

    @Bean
    RouterFunction<ServerResponse> subsonicRoutes(SubsonicApi api) {
        return api.router();
    }

    @Bean
    DeletedSubsonicData deletedSubsonicData(SubsonicApi api) {
        return new DeletedSubsonicData(api);
    }

    @Bean
    TranscodeProfiles transcodeProfiles(SubsonicApi api) {
        return api.transcodeProfiles();
    }

    @Bean
    RestErrorHandler subsonicErrorHandler(SubsonicApi api) {
        return api.errorHandler();
    }

    /** Browsers' preflights to /rest, which WebFlux would otherwise answer without CORS headers. */
    @Bean
    WebFilter subsonicCorsPreflight() {
        return Cors.preflightFilter();
    }

    private static TranscodeSettings transcodeSettings(MinstrelProperties properties) {
        MinstrelProperties.Transcoding transcoding = properties.transcoding();
        return new TranscodeSettings(transcoding.ffmpeg(), transcoding.maxConcurrent(), transcoding.queueWait(),
                properties.dataDir().resolve("transcodes"), transcoding.cacheSize().toBytes(),
                transcoding.defaultBitRate(), AudioFormat.named(transcoding.lossyFormat()).orElseThrow());
    }

    private static String serverVersion() {
        String version = SubsonicConfiguration.class.getPackage().getImplementationVersion();
        return version != null ? version : SubsonicSettings.DEFAULTS.serverVersion();
    }
}
