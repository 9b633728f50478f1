package dev.minstrel.server.accounts;

/**
 * The Subsonic user roles ({@code getUser}/{@code getUsers}) that an account's role and grants
 * amount to. Ingest (pasting links) is the nearest thing Subsonic has to uploading.
 */
public record SubsonicRoles(boolean admin, boolean settings, boolean download, boolean upload,
                            boolean playlist, boolean coverArt, boolean comment, boolean podcast,
                            boolean stream, boolean jukebox, boolean share, boolean videoConversion,
                            boolean scrobbling) {

    public static SubsonicRoles of(Account account) {
        boolean owner = account.isOwner();
        return new SubsonicRoles(owner, true, owner || account.canDownload(), owner || account.canIngest(),
                true, owner, false, false, true, false, false, false, true);
    }
}
