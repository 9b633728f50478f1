package dev.minstrel.server.api.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import static dev.minstrel.server.config.SettingChecks.required;

/**
 * Listens imported from export files.
 *
 * @param maxFileSize the largest file {@code POST /api/me/listens/import} takes (a ListenBrainz
 *                    listen is about 400 bytes: 50 MB is over 100,000 listens)
 */
@ConfigurationProperties("minstrel.import")
public record ListenImportSettings(@DefaultValue("50MB") DataSize maxFileSize) {

    public ListenImportSettings {
        required("max-file-size", maxFileSize);
    }
}
