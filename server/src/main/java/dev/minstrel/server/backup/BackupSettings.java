package dev.minstrel.server.backup;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

import static dev.minstrel.server.config.SettingChecks.range;
import static dev.minstrel.server.config.SettingChecks.required;

/**
 * Online backups into {@code <data folder>/backups}.
 *
 * @param interval how often one is taken by itself; 0 turns the schedule off ({@code POST
 *                 /api/backups} still works)
 * @param keep     backups kept, the newest; older ones are deleted after each new one
 */
@ConfigurationProperties("minstrel.backup")
public record BackupSettings(
        @DefaultValue("1d") Duration interval,
        @DefaultValue("7") int keep) {

    public BackupSettings {
        required("interval", interval);
        range("keep", keep, 1, 1000);
    }
}
