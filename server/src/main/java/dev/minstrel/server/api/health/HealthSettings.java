package dev.minstrel.server.api.health;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param diskLow health says {@code degraded} while less than this is free on the data folder's
 *                disk (writes stop at {@code minstrel.database.space-floor}, well below it)
 */
@ConfigurationProperties("minstrel.health")
@Validated
public record HealthSettings(@DefaultValue("256MB") @NotNull DataSize diskLow) {
}
