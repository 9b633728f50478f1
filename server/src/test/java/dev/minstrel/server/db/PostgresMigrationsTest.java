package dev.minstrel.server.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every module's migrations, as the server runs them, also apply on PostgreSQL (this machine's
 * and CI's, at 127.0.0.1:5432, database test), each run in a schema of its own that is dropped
 * afterwards. Runs with -Pservices; fails when PostgreSQL is down.
 */
@Tag("services")
class PostgresMigrationsTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final String USER = "postgres";

    @Test
    void allMigrationsApplyOnPostgresql() throws Exception {
        String schema = "minstrel_" + UUID.randomUUID().toString().replace("-", "");
        try {
            MigrateResult result = Flyway.configure().dataSource(URL, USER, "").schemas(schema)
                    .locations("classpath:db/migration").load().migrate();

            assertThat(result.success).isTrue();
            assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(6);
            try (Connection connection = DriverManager.getConnection(URL, USER, "");
                 ResultSet tables = connection.getMetaData().getTables(null, schema, "%", new String[]{"TABLE"})) {
                List<String> names = new ArrayList<>();
                while (tables.next()) {
                    names.add(tables.getString("TABLE_NAME"));
                }
                assertThat(names).contains("account", "track", "listen", "ingest_job", "subsonic_playlist");
            }
        } finally {
            try (Connection connection = DriverManager.getConnection(URL, USER, "")) {
                connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }
}
