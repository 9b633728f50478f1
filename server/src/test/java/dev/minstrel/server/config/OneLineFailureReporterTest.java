package dev.minstrel.server.config;

import dev.minstrel.server.FailedStart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OneLineFailureReporterTest {

    @Test
    void aPortOutOfRangeIsNamedInOneLine(@TempDir Path dir) {
        String output = FailedStart.output(dir, "--minstrel.port=70000");

        assertThat(output.lines().filter(l -> l.startsWith("Minstrel cannot start:")))
                .singleElement().asString().contains("minstrel.port").contains("65535");
        assertThat(output).doesNotContain("\tat ");
    }

    @Test
    void aRefusedNestedSettingIsNamedInFullWithTheRuleItBreaks(@TempDir Path dir) {
        String output = FailedStart.output(dir, "--minstrel.transcoding.lossy-format=flac");

        assertThat(output.lines().filter(l -> l.startsWith("Minstrel cannot start:"))).containsExactly(
                "Minstrel cannot start: minstrel.transcoding.lossy-format: must be opus, mp3 or aac");
    }

    @Test
    void aValueOfTheWrongTypeIsNamedWithWhereItCameFrom(@TempDir Path dir) {
        String output = FailedStart.output(dir, "--minstrel.library.scan-interval=often");

        assertThat(output.lines().filter(l -> l.startsWith("Minstrel cannot start:")))
                .singleElement().asString().contains("minstrel.library.scan-interval").contains("often");
        assertThat(output).doesNotContain("\tat ");
    }

    @Test
    void anOwnerPasswordTooShortIsNamedWithoutRevealingIt(@TempDir Path dir) {
        String output = FailedStart.output(dir, "--minstrel.owner.password=abc123");

        assertThat(output.lines().filter(l -> l.startsWith("Minstrel cannot start:")))
                .singleElement().asString().contains("minstrel.owner.password").contains("8 to 128");
        assertThat(output).doesNotContain("\tat ").doesNotContain("abc123");
    }

    @Test
    void aSendBufferBeyondReasonIsNamedInOneLine(@TempDir Path dir) {
        String output = FailedStart.output(dir, "--minstrel.http.send-buffer=1GB");

        assertThat(output.lines().filter(l -> l.startsWith("Minstrel cannot start:")))
                .singleElement().asString().contains("minstrel.http").contains("64MB");
        assertThat(output).doesNotContain("\tat ");
    }

    @Test
    void aRedisThatCannotBeReachedIsNamedInOneLineWithoutItsPassword(@TempDir Path dir) {
        String output = FailedStart.output(dir, "--minstrel.redis.url=redis://:s3cret-pass@127.0.0.1:1");

        assertThat(output.lines().filter(l -> l.startsWith("Minstrel cannot start:")))
                .singleElement().asString().contains("Redis", "cannot be reached", "127.0.0.1");
        assertThat(output).doesNotContain("\tat ").doesNotContain("s3cret-pass");
    }

    @Test
    void aDatabaseUrlThatNamesNoDatabaseIsNamedInOneLineWithoutItsPassword(@TempDir Path dir) {
        String output = FailedStart.output(dir, "--minstrel.database.url=postgresql://minstrel:s3cret-pass@db.home.arpa");

        assertThat(output.lines().filter(l -> l.startsWith("Minstrel cannot start:")))
                .singleElement().asString().contains("minstrel.database.url", "names no database");
        assertThat(output).doesNotContain("\tat ").doesNotContain("s3cret-pass");
    }

    @Test
    void aDatabaseServerThatCannotBeReachedIsNamedInOneLineWithItsHostNotItsPassword(@TempDir Path dir) {
        String output = FailedStart.output(dir, "--minstrel.database.url=postgresql://minstrel:s3cret-pass@127.0.0.1:1/music");

        assertThat(output.lines().filter(l -> l.startsWith("Minstrel cannot start:")))
                .singleElement().asString().contains("minstrel.database.url", "127.0.0.1:1", "refused");
        assertThat(output).doesNotContain("\tat ").doesNotContain("s3cret-pass");
    }
}
