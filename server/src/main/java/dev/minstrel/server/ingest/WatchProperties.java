package dev.minstrel.server.ingest;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code MINSTREL_INGEST_WATCH_INTERVAL} and friends: how watched playlists are kept in sync.
 *
 * @param watchInterval   time between two checks of a watched playlist (daily suits Spotify's rate limits)
 * @param watchMaxBackoff a failing watch waits the interval doubled for each failure in a row, at most this
 * @param watchTick       how soon a due check, an added watch or a finished download is acted on
 */
@ConfigurationProperties("minstrel.ingest")
@Validated
public record WatchProperties(@DefaultValue("24h") @NotNull Duration watchInterval,
                              @DefaultValue("7d") @NotNull Duration watchMaxBackoff,
                              @DefaultValue("10s") @NotNull Duration watchTick) {

    public WatchProperties {
        for (Duration duration : new Duration[] {watchInterval, watchMaxBackoff, watchTick}) {
            if (duration != null && (duration.isNegative() || duration.isZero())) {
                throw new IllegalArgumentException("watch durations must be positive");
            }
        }
    }
}
