package dev.minstrel.server.listenbrainz;

import dev.minstrel.analytics.Analytics;
import dev.minstrel.analytics.listenbrainz.ListenBrainzForwarder;
import dev.minstrel.analytics.listenbrainz.TokenSeal;
import dev.minstrel.server.accounts.SecretBox;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.Disposable;

import java.time.Clock;

/** Listens forwarded to each user's ListenBrainz account, tokens sealed with the server's key file. */
@Configuration(proxyBeanMethods = false)
public class ListenBrainzConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    ListenBrainzForwarder listenBrainzForwarder(DatabaseClient database, Analytics analytics, SecretBox secretBox,
                                                ListenBrainzSettings settings, Clock clock) {
        return new ListenBrainzForwarder(database, new ListenBrainzClient(settings),
                new TokenSeal(secretBox::seal, secretBox::open), settings.forwarding(), clock)
                .listenTo(analytics.recorder());
    }

    @Bean
    DeletedListenBrainzLinks deletedListenBrainzLinks(ListenBrainzForwarder forwarder) {
        return new DeletedListenBrainzLinks(forwarder);
    }

    /** Sends the queues in the background until the server stops. */
    @Bean(destroyMethod = "dispose")
    Disposable listenBrainzSending(ListenBrainzForwarder forwarder) {
        return forwarder.start();
    }
}
