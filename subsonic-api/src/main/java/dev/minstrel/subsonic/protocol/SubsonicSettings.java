package dev.minstrel.subsonic.protocol;

import dev.minstrel.library.catalogue.CatalogueSettings;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the Subsonic API.
 *
 * @param serverVersion   reported as {@code serverVersion} in every envelope
 * @param type            reported as {@code type}; never "subsonic", "madsonic" or "ampache", which
 *                        switch DSub into another dialect
 * @param legacyClients   client names ({@code c}) that get no OpenSubsonic fields
 * @param minimalClients  client names that get only the essential song fields
 * @param maxFormBytes    the largest urlencoded POST body accepted: 256 KB by default, room for thousands of
 *                        song ids, and a bound on what strangers' bodies can cost in memory
 * @param musicFolderName the name of the single music folder (id 1)
 * @param ignoredArticles leading words skipped when folders are filed in getIndexes
 * @param sharedCacheFor  when other instances write the same database, how long a user's cached
 *                        stars, ratings and play counts last; null when this instance is alone
 */
public record SubsonicSettings(String serverVersion, String type, Set<String> legacyClients,
                               Set<String> minimalClients, int maxFormBytes, String musicFolderName,
                               List<String> ignoredArticles, Duration sharedCacheFor) {

    public static final String PROTOCOL_VERSION = "1.16.1";

    public static final SubsonicSettings DEFAULTS = new SubsonicSettings("0.1.0", "minstrel", Set.of("DSub"),
            Set.of("SubMusic"), 256 * 1024, "Music", CatalogueSettings.DEFAULTS.ignoredArticles(), null);

    public SubsonicSettings {
        String lowered = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (lowered.isBlank() || Set.of("subsonic", "madsonic", "ampache").contains(lowered)) {
            throw new IllegalArgumentException("type must name this server, not '" + type + "': clients switch dialect on it");
        }
        legacyClients = lowerCase(legacyClients);
        minimalClients = lowerCase(minimalClients);
        ignoredArticles = List.copyOf(ignoredArticles);
        if (maxFormBytes < 1024) {
            throw new IllegalArgumentException("maxFormBytes must be at least 1024");
        }
    }

    private static Set<String> lowerCase(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    public ClientProfile profileOf(String client) {
        if (client == null) {
            return ClientProfile.FULL;
        }
        String name = client.toLowerCase(Locale.ROOT);
        if (minimalClients.contains(name)) {
            return ClientProfile.MINIMAL;
        }
        return legacyClients.contains(name) ? ClientProfile.LEGACY : ClientProfile.FULL;
    }

    public String ignoredArticlesText() {
        return String.join(" ", ignoredArticles);
    }
}
