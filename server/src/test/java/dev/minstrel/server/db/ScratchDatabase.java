package dev.minstrel.server.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL database of its own for one test, made on this machine's server (127.0.0.1:5432,
 * trust authentication, reached through its database {@code test}) and dropped on close, with
 * whatever sessions still use it.
 */
public final class ScratchDatabase implements AutoCloseable {

    public static final String HOST = "127.0.0.1:5432";
    public static final String USER = "postgres";
    private static final String ADMIN_URL = "jdbc:postgresql://" + HOST + "/test";

    private static final Map<Path, ScratchDatabase> BY_FOLDER = new HashMap<>();

    private final String name;

    private ScratchDatabase(String name) {
        this.name = name;
    }

    public static ScratchDatabase create() {
        ScratchDatabase database = new ScratchDatabase("minstrel_test_" + UUID.randomUUID().toString().replace("-", ""));
        database.admin("CREATE DATABASE " + database.name);
        return database;
    }

    /**
     * The database of one test folder: made on first use, the same one for every later use in
     * this JVM (a restart finds its data), dropped when the JVM exits.
     */
    public static synchronized ScratchDatabase forFolder(Path folder) {
        return BY_FOLDER.computeIfAbsent(folder.toAbsolutePath().normalize(), key -> {
            ScratchDatabase database = create();
            Runtime.getRuntime().addShutdownHook(new Thread(database::close));
            return database;
        });
    }

    public String name() {
        return name;
    }

    /** The value of {@code minstrel.database.url} that names it. */
    public String url() {
        return "postgresql://" + USER + "@" + HOST + "/" + name;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + "/" + name;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST + ": " + e.getMessage(), e);
        }
    }
}
