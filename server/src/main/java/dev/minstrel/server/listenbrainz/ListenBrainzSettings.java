package dev.minstrel.server.listenbrainz;

import dev.minstrel.analytics.listenbrainz.ListenBrainzForwarder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

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
@Validated
public record ListenBrainzSettings(
        @DefaultValue("https://api.listenbrainz.org") @NotNull URI url,
        @DefaultValue("10s") @NotNull Duration timeout,
        @DefaultValue("30s") @NotNull Duration pollInterval,
        @DefaultValue("30s") @NotNull Duration retryMin,
        @DefaultValue("1h") @NotNull Duration retryMax,
        @DefaultValue("100") @Min(1) @Max(1000) int batchSize) {

    ListenBrainzForwarder.Settings forwarding() {
        return new ListenBrainzForwarder.Settings(pollInterval, retryMin, retryMax, batchSize, timeout);
    }
}
