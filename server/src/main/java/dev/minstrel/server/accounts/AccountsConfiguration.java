package dev.minstrel.server.accounts;

import dev.minstrel.server.accounts.apikeys.ApiKeys;
import dev.minstrel.server.accounts.invites.Invites;
import dev.minstrel.server.accounts.sessions.PlayerKeys;
import dev.minstrel.server.accounts.sessions.Sessions;
import dev.minstrel.server.config.MinstrelProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class AccountsConfiguration {

    @Bean
    SecretBox secretBox(MinstrelProperties properties) {
        return SecretBox.fromKeyFile(properties.dataDir().resolve("secret.key"));
    }

    @Bean
    Accounts accounts(DatabaseClient db, SecretBox secretBox, Clock clock) {
        return new Accounts(new AccountStore(db), new PasswordHasher(), secretBox, clock);
    }

    @Bean
    Sessions sessions(DatabaseClient db, SecretBox secretBox, MinstrelProperties properties, Clock clock) {
        return new Sessions(db, secretBox, properties.security().sessionTtl(), clock);
    }

    @Bean
    PlayerKeys playerKeys(DatabaseClient db, SecretBox secretBox, Clock clock) {
        return new PlayerKeys(db, secretBox, clock);
    }

    @Bean
    ApiKeys apiKeys(DatabaseClient db, Clock clock) {
        return new ApiKeys(db, clock);
    }

    @Bean
    Invites invites(DatabaseClient db, Accounts accounts, Clock clock) {
        return new Invites(db, accounts, clock);
    }

    /**
     * The owner account exists before the web server opens its port (singletons are all made
     * before the server starts), so the first login after a start cannot fail for want of it.
     */
    @Bean
    @DependsOnDatabaseInitialization
    SmartInitializingSingleton ownerBootstrap(Accounts accounts, MinstrelProperties properties) {
        return () -> new OwnerBootstrap(accounts, properties.owner()).ensureOwner().block();
    }
}
