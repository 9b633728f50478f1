package dev.minstrel.server.backup;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * Online backups into {@code <data folder>/backups}.
 *
 * @param interval how often one is taken by itself; 0 turns the schedule off ({@code POST
 *                 /api/backups} still works)
 * @param keep     backups kept, the newest; older ones are deleted after each new one
 */
@ConfigurationProperties("minstrel.backup")
@Validated
public record BackupSettings(
        @DefaultValue("1d") @NotNull Duration interval,
        @DefaultValue("7") @Min(1) @Max(1000) int keep) {
}
