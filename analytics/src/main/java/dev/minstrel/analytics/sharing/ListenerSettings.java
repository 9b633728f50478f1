package dev.minstrel.analytics.sharing;

/**
 * What a listener chose about their listening.
 *
 * @param madePlaylists whether the server makes playlists from their listening for them
 * @param friendsSee    what their friends see of it
 */
public record ListenerSettings(boolean madePlaylists, FriendsSee friendsSee) {

    /** A user who never chose: playlists made, friends see nothing. */
    public static final ListenerSettings DEFAULTS = new ListenerSettings(true, FriendsSee.NOTHING);
}
