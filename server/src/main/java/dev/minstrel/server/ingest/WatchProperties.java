package dev.minstrel.server.ingest;

import dev.minstrel.server.config.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

import static dev.minstrel.server.config.SettingChecks.required;

/**
 * {@code MINSTREL_INGEST_WATCH_INTERVAL} and friends: how watched playlists are kept in sync.
 *
 * @param watchInterval   time between two checks of a watched playlist (daily suits Spotify's rate limits)
 * @param watchMaxBackoff a failing watch waits the interval doubled for each failure in a row, at most this
 * @param watchTick       how soon a due check, an added watch or a finished download is acted on
 */
@ConfigurationProperties("minstrel.ingest")
public record WatchProperties(@DefaultValue("24h") Duration watchInterval,
                              @DefaultValue("7d") Duration watchMaxBackoff,
                              @DefaultValue("10s") Duration watchTick) {

    public WatchProperties {
        positive("watch-interval", watchInterval);
        positive("watch-max-backoff", watchMaxBackoff);
        positive("watch-tick", watchTick);
    }

    private static void positive(String setting, Duration duration) {
        if (required(setting, duration).isNegative() || duration.isZero()) {
            throw new InvalidSettingException(setting, "must be longer than zero");
        }
    }
}
