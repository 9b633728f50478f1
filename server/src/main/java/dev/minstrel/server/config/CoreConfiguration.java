package dev.minstrel.server.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The music and data folders, created on first start so a fresh clone runs as it is. */
    @Bean
    Folders folders(MinstrelProperties properties) {
        return new Folders(create(properties.musicDir()), create(properties.dataDir()));
    }

    public record Folders(Path music, Path data) {
    }

    private static Path create(Path dir) {
        try {
            return Files.createDirectories(dir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + dir.toAbsolutePath(), e);
        }
    }
}
