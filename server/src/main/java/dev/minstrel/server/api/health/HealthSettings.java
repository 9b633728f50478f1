package dev.minstrel.server.api.health;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import static dev.minstrel.server.config.SettingChecks.required;

/**
 * @param diskLow health says {@code degraded} while less than this is free on the data folder's
 *                disk (writes stop at {@code minstrel.database.space-floor}, well below it)
 */
@ConfigurationProperties("minstrel.health")
public record HealthSettings(@DefaultValue("256MB") DataSize diskLow) {

    public HealthSettings {
        required("disk-low", diskLow);
    }
}
