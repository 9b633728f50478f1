package dev.minstrel.compat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Starting the packaged jar the way the README and the Pi's systemd unit do. */
class StartupIT {

    private static final Pattern GENERATED = Pattern.compile("generated password: ([A-Za-z0-9]{20})");

    @Test
    void aBadSettingStopsTheStartWithOneLineNamingIt(@TempDir Path dir) {
        PackagedServer.Finished run = PackagedServer.run(Map.of(
                "MINSTREL_MUSIC_DIR", dir.resolve("music").toString(),
                "MINSTREL_DATA_DIR", dir.resolve("data").toString(),
                "MINSTREL_PORT", "99999"), dir.resolve("out.log"), Duration.ofSeconds(60));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output().lines().filter(line -> line.startsWith("Minstrel cannot start:")))
                .singleElement().asString().contains("minstrel.port");
        assertThat(run.output()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void aDatabaseThatCannotBeReachedStopsTheStartWithOneLineNamingTheSettingAndHostNotThePassword(@TempDir Path dir) {
        PackagedServer.Finished run = PackagedServer.run(Map.of(
                "MINSTREL_MUSIC_DIR", dir.resolve("music").toString(),
                "MINSTREL_DATA_DIR", dir.resolve("data").toString(),
                "MINSTREL_DATABASE_URL", "postgresql://minstrel:Pa55-w0rd@127.0.0.1:1/minstrel"),
                dir.resolve("out.log"), Duration.ofSeconds(60));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output().lines().filter(line -> line.startsWith("Minstrel cannot start:")))
                .singleElement().asString().contains("minstrel.database.url", "127.0.0.1:1");
        assertThat(run.output()).doesNotContain("\tat ").doesNotContain("Pa55-w0rd");
    }

    @Test
    void withoutAConfiguredPasswordTheOwnersIsGeneratedAndPrintedOnce(@TempDir Path dir) {
        Path music = dir.resolve("music");
        Path data = dir.resolve("data");
        String firstLog;
        try (PackagedServer server = PackagedServer.start(music, data, Map.of("MINSTREL_OWNER_PASSWORD", ""))) {
            firstLog = server.awaitLog(GENERATED, Duration.ofSeconds(20));
        }
        assertThat(firstLog).containsPattern(GENERATED);
        assertThat(music).isDirectory();
        if (SharedServices.enabled()) {
            assertThat(data.resolve("minstrel.mv.db")).as("the database is PostgreSQL's").doesNotExist();
        } else {
            assertThat(data.resolve("minstrel.mv.db")).isRegularFile();
        }

        java.util.regex.Matcher generated = GENERATED.matcher(firstLog);
        assertThat(generated.find()).isTrue();
        try (PackagedServer again = PackagedServer.start(music, data, Map.of("MINSTREL_OWNER_PASSWORD", ""))) {
            SubsonicClient owner = new SubsonicClient(again, PackagedServer.OWNER, generated.group(1), "compat", "1.16.1", true);
            assertThat(SubsonicClient.ok("ping", owner.get("ping", "json")).path("status").asString())
                    .as("the first password still opens the account").isEqualTo("ok");
            assertThat(again.log()).doesNotContain("generated password");
        }
    }
}
