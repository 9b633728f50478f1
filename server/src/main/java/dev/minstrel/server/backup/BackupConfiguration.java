package dev.minstrel.server.backup;

import dev.minstrel.server.config.CoreConfiguration.Folders;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Clock;
import java.util.Locale;

/** Online backups of the embedded database, on a schedule and on the owner's demand. */
@Configuration(proxyBeanMethods = false)
class BackupConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    @DependsOnDatabaseInitialization
    Backups backups(DatabaseClient database, ConnectionFactory connections, Folders folders, BackupSettings settings,
                    Clock clock) {
        boolean embedded = connections.getMetadata().getName().toLowerCase(Locale.ROOT).contains("h2");
        return new Backups(database, embedded, folders.data(), settings, clock);
    }
}
