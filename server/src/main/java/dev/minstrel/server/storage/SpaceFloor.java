package dev.minstrel.server.storage;

import dev.minstrel.server.config.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import static dev.minstrel.server.config.SettingChecks.required;

/**
 * {@code MINSTREL_DATABASE_SPACE_FLOOR}: writes are refused, with a plain "disk full" error, while
 * less than this is free on the data folder's disk. H2 closes the whole database when a write
 * meets a full disk; stopping short of it keeps reads working and the server whole.
 *
 * @param spaceFloor free space kept for the database
 */
@ConfigurationProperties("minstrel.database")
public record SpaceFloor(@DefaultValue("64MB") DataSize spaceFloor) {

    public SpaceFloor {
        if (required("space-floor", spaceFloor).isNegative()) {
            throw new InvalidSettingException("space-floor", "must not be negative");
        }
    }
}
