package dev.minstrel.compat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The run's PostgreSQL and Redis, when it was asked to use them ({@code -Pon-postgresql-redis}
 * sets {@value #POSTGRESQL} and {@value #REDIS}): each server's data folder then gets a database of
 * its own on that PostgreSQL (made through its database {@code test}, trust authentication, and
 * dropped when the run ends) and a Redis key prefix of its own, so servers of one run never see each
 * other's jobs, counts or rows unless a test shares them on purpose. Unset, the servers run as the
 * README starts them: embedded H2, everything in the process.
 */
public final class SharedServices {

    /** host:port of the PostgreSQL to use, e.g. 127.0.0.1:5432. */
    public static final String POSTGRESQL = "minstrel.compat.postgresql";
    /** the Redis URL to use, e.g. redis://127.0.0.1:6379. */
    public static final String REDIS = "minstrel.compat.redis";
    private static final String USER = "postgres";

    private static final Map<Path, Map<String, String>> BY_DATA_FOLDER = new HashMap<>();

    private SharedServices() {
    }

    public static boolean enabled() {
        return System.getProperty(POSTGRESQL) != null;
    }

    /**
     * The settings that put a server with this data folder on its own database and key prefix (the
     * same ones for every start on the folder, as a restart needs); empty when not {@link #enabled()}.
     */
    public static synchronized Map<String, String> settingsFor(Path dataFolder) {
        if (!enabled()) {
            return Map.of();
        }
        return BY_DATA_FOLDER.computeIfAbsent(dataFolder.toAbsolutePath().normalize(), folder -> fresh());
    }

    /** A new database and key prefix, for servers that share them (several instances of one server). */
    public static Map<String, String> fresh() {
        String name = "minstrel_compat_" + UUID.randomUUID().toString().replace("-", "");
        admin("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        Map<String, String> settings = new HashMap<>();
        settings.put("MINSTREL_DATABASE_URL", "postgresql://" + USER + "@" + System.getProperty(POSTGRESQL) + "/" + name);
        settings.put("MINSTREL_REDIS_URL", System.getProperty(REDIS, "redis://127.0.0.1:6379"));
        settings.put("MINSTREL_REDIS_PREFIX", name.replace('_', '-'));
        return Map.copyOf(settings);
    }

    /**
     * Every value of every row of {@code tables} in the database of the server with this data
     * folder, as text: what a thief of the database would read.
     */
    public static String rowsAsText(Path dataFolder, String... tables) {
        String url = settingsFor(dataFolder).get("MINSTREL_DATABASE_URL");
        String database = url.substring(url.lastIndexOf('/') + 1);
        StringBuilder text = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + System.getProperty(POSTGRESQL) + "/" + database, USER, "");
             Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (var rows = statement.executeQuery("SELECT * FROM " + table)) {
                    while (rows.next()) {
                        for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                            text.append(rows.getString(column)).append('\n');
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return text.toString();
    }

    private static void admin(String sql) {
        String url = "jdbc:postgresql://" + System.getProperty(POSTGRESQL) + "/test";
        try (Connection connection = DriverManager.getConnection(url, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + System.getProperty(POSTGRESQL) + ": " + e.getMessage(), e);
        }
    }
}
