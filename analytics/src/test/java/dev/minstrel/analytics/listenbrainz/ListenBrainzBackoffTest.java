package dev.minstrel.analytics.listenbrainz;

import dev.minstrel.analytics.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a user's queue waits after ListenBrainz failed several times in a row. */
class ListenBrainzBackoffTest {

    @Test
    void theWaitDoublesAfterEachFailureUpToTheLongest(@TempDir Path dir) {
        try (TestDatabase database = new TestDatabase(dir)) {
            ListenBrainzForwarder forwarder = new ListenBrainzForwarder(database.client(), null,
                    new TokenSeal(t -> t, t -> t), new ListenBrainzForwarder.Settings(Duration.ofSeconds(30),
                    Duration.ofSeconds(30), Duration.ofHours(1), 100, Duration.ofSeconds(10)), Clock.systemUTC());

            assertThat(forwarder.backoff(1)).isEqualTo(Duration.ofSeconds(30));
            assertThat(forwarder.backoff(2)).isEqualTo(Duration.ofMinutes(1));
            assertThat(forwarder.backoff(5)).isEqualTo(Duration.ofMinutes(8));
            assertThat(forwarder.backoff(7)).isEqualTo(Duration.ofMinutes(32));
            assertThat(forwarder.backoff(8)).as("64 min is over the longest").isEqualTo(Duration.ofHours(1));
            assertThat(forwarder.backoff(1000)).isEqualTo(Duration.ofHours(1));
        }
    }
}
