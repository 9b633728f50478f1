package dev.minstrel.server.accounts;

/**
 * Published (as a Spring application event) after the owner deletes a user, whose sessions and
 * API keys are already gone. Whatever keeps data per user (listening history, playlists, play
 * queue) listens for it, and deletes the user's listening history only when
 * {@code deleteHistory} is true: by default it stays.
 */
public record AccountDeleted(String accountId, String username, boolean deleteHistory) {
}
