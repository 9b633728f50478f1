package dev.minstrel.server.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseLocationTest {

    private static StandardEnvironment environment(Path dataDir) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("minstrel.data-dir", dataDir.toString())));
        return environment;
    }

    @Test
    void theDataFolderIsMadePrivateWithAnEmptyDatabaseFileBeforeAnythingOpensIt(@TempDir Path dir) {
        Path data = dir.resolve("data");

        new DatabaseLocation().postProcessEnvironment(environment(data), new SpringApplication());

        assertThat(data.resolve("minstrel.mv.db")).isEmptyFile();
    }

    @Test
    void theBuildsAotProcessingLeavesNoDataFolderBehind(@TempDir Path dir) {
        Path data = dir.resolve("data");
        System.setProperty(DatabaseLocation.AOT_PROCESSING, "true");
        try {
            StandardEnvironment environment = environment(data);
            new DatabaseLocation().postProcessEnvironment(environment, new SpringApplication());

            assertThat(data).doesNotExist();
            assertThat(environment.getProperty("spring.r2dbc.url")).contains(data.resolve("minstrel").toString());
        } finally {
            System.clearProperty(DatabaseLocation.AOT_PROCESSING);
        }
    }
}
