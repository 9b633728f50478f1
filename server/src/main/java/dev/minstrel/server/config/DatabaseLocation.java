package dev.minstrel.server.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Points R2DBC and Flyway at the PostgreSQL database {@code minstrel.database.url} names
 * ({@link DatabaseUrl}), or else at one H2 file under the data directory (unless the user configured
 * {@code spring.r2dbc.url} themselves), and the HTTP port at {@code minstrel.port}; first makes the
 * data directory private ({@link PrivateDataFolder}). Flyway needs a JDBC URL of
 * its own beside R2DBC (Boot creates no JDBC DataSource when R2DBC is configured, so without
 * {@code spring.flyway.url} nothing would be migrated), and both URLs must name the same file:
 * one JVM then shares one H2 database between them. Deriving them here keeps
 * {@code MINSTREL_DATA_DIR} the only thing a user has to set.
 */
public class DatabaseLocation implements EnvironmentPostProcessor, Ordered {

    static final String FILE_NAME = "minstrel";
    /** Set by Spring while {@code process-aot} runs the application's set-up at build time. */
    static final String AOT_PROCESSING = "spring.aot.processing";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        Path dataDir = Path.of(environment.getProperty("minstrel.data-dir", "./data")).toAbsolutePath().normalize();
        String url = environment.getProperty(DatabaseUrl.SETTING, "");
        DatabaseUrl server = url.isBlank() ? null : DatabaseUrl.parse(url);
        boolean embedded = server == null && !environment.containsProperty("spring.r2dbc.url");
        // before anything opens or creates a file in it; not while the build prepares the AOT
        // context, which runs this too but opens nothing (it would leave a data folder in the build)
        if (!Boolean.getBoolean(AOT_PROCESSING)) {
            PrivateDataFolder.secure(dataDir, embedded ? FILE_NAME : null);
        }
        if (server != null) {
            derived.put("spring.r2dbc.url", server.r2dbcUrl());
            derived.put("spring.r2dbc.username", server.user());
            derived.put("spring.r2dbc.password", server.password());
            derived.put("spring.flyway.url", server.jdbcUrl());
            derived.put("spring.flyway.user", server.user());
            derived.put("spring.flyway.password", server.password());
        } else if (embedded) {
            Path database = dataDir.resolve(FILE_NAME);
            // H2's page cache lives in the heap (16 MB by default): 4 MB keeps a Pi's heap small.
            // WRITE_DELAY=0: H2 otherwise keeps commits in memory for up to half a second, so a
            // write answered ok could vanish with a crash or kill -9; at 0 each commit is written
            // to the file before the statement returns (the cost is in docs/operations.md).
            // DB_CLOSE_ON_EXIT=FALSE: H2's own shutdown hook would close the database while Spring
            // still stops the workers that use it, each then failing with "session closed"; the
            // pool closes it in order instead (and every commit is on disk already)
            String options = ";DB_CLOSE_DELAY=-1;CACHE_SIZE=4096;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
            derived.put("spring.r2dbc.url", "r2dbc:h2:file:///" + database + options);
            derived.put("spring.r2dbc.username", "sa");
            derived.put("spring.r2dbc.password", "");
            derived.put("spring.flyway.url", "jdbc:h2:file:" + database + options);
            derived.put("spring.flyway.user", "sa");
            derived.put("spring.flyway.password", "");
        }
        String port = environment.getProperty("minstrel.port");
        if (port != null && port.strip().matches("\\d{1,5}")) {
            derived.put("server.port", port.strip());
        }
        environment.getPropertySources().addLast(new MapPropertySource("minstrelDerived", derived));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
