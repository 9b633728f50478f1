package dev.minstrel.analytics;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.flywaydb.core.Flyway;
import org.springframework.r2dbc.core.DatabaseClient;

import java.nio.file.Path;

/** A real H2 database file, migrated by Flyway, reached through R2DBC like the server does. */
public final class TestDatabase implements AutoCloseable {

    private final String jdbcUrl;
    private final ConnectionPool pool;
    private final DatabaseClient client;

    public TestDatabase(Path dir) {
        String file = dir.resolve("minstrel").toAbsolutePath().toString();
        jdbcUrl = "jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(jdbcUrl, "sa", "").locations("classpath:db/migration").load().migrate();
        pool = new ConnectionPool(ConnectionPoolConfiguration.builder(
                ConnectionFactories.get(ConnectionFactoryOptions
                        .parse("r2dbc:h2:file:///" + file + "?DB_CLOSE_DELAY=-1").mutate()
                        .option(ConnectionFactoryOptions.USER, "sa")
                        .option(ConnectionFactoryOptions.PASSWORD, "").build())).maxSize(4).build());
        client = DatabaseClient.create(pool);
    }

    public DatabaseClient client() {
        return client;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
