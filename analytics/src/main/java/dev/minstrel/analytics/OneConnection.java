package dev.minstrel.analytics;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.springframework.r2dbc.connection.SingleConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * Runs a series of queries on one pooled connection instead of taking one from the pool per
 * query, optionally as one transaction. It blocks, as the H2 driver does anyway: call it from the
 * bounded elastic scheduler.
 */
public final class OneConnection {

    private OneConnection() {
    }

    public static <T> T run(ConnectionFactory connections, boolean transaction, Function<DatabaseClient, T> work) {
        Connection connection = Mono.from(connections.create()).block();
        try {
            if (transaction) {
                Mono.from(connection.beginTransaction()).block();
            }
            T result = work.apply(DatabaseClient.create(
                    new SingleConnectionFactory(connection, connections.getMetadata(), true)));
            if (transaction) {
                Mono.from(connection.commitTransaction()).block();
            }
            return result;
        } catch (RuntimeException | Error e) {
            if (transaction) {
                Mono.from(connection.rollbackTransaction()).onErrorComplete().block();
            }
            throw e;
        } finally {
            Mono.from(connection.close()).onErrorComplete().block();
        }
    }
}
