package dev.minstrel.analytics.stats;

/** Who is asking for stats, as the server's security knows them. */
public record StatsCaller(String userId, String username, boolean owner) {
}
