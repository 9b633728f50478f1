package dev.minstrel.server.storage;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code MINSTREL_DATABASE_SPACE_FLOOR}: writes are refused, with a plain "disk full" error, while
 * less than this is free on the data folder's disk. H2 closes the whole database when a write
 * meets a full disk; stopping short of it keeps reads working and the server whole.
 *
 * @param spaceFloor free space kept for the database
 */
@ConfigurationProperties("minstrel.database")
@Validated
public record SpaceFloor(@DefaultValue("64MB") @NotNull DataSize spaceFloor) {

    public SpaceFloor {
        if (spaceFloor != null && spaceFloor.isNegative()) {
            throw new IllegalArgumentException("must not be negative");
        }
    }
}
