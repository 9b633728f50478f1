package dev.minstrel.server.listenbrainz;

import dev.minstrel.analytics.listenbrainz.ListenBrainzForwarder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

import static dev.minstrel.server.config.SettingChecks.range;
import static dev.minstrel.server.config.SettingChecks.required;

/**
 * Forwarding listens to ListenBrainz.
 *
 * @param url          the ListenBrainz API server: the public service, or a self-hosted one
 * @param timeout      the longest one call to it may take
 * @param pollInterval how often queues are looked at besides right after each listen (retries start then)
 * @param retryMin     the wait after a first failure, doubled after each further one
 * @param retryMax     the longest wait between two tries
 * @param batchSize    listens per submission (ListenBrainz takes up to 1000)
 */
@ConfigurationProperties("minstrel.listenbrainz")
public record ListenBrainzSettings(
        @DefaultValue("https://api.listenbrainz.org") URI url,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("30s") Duration retryMin,
        @DefaultValue("1h") Duration retryMax,
        @DefaultValue("100") int batchSize) {

    public ListenBrainzSettings {
        required("url", url);
        required("timeout", timeout);
        required("poll-interval", pollInterval);
        required("retry-min", retryMin);
        required("retry-max", retryMax);
        range("batch-size", batchSize, 1, 1000);
    }

    ListenBrainzForwarder.Settings forwarding() {
        return new ListenBrainzForwarder.Settings(pollInterval, retryMin, retryMax, batchSize, timeout);
    }
}
