package dev.minstrel.subsonic.auth;

/**
 * An account as the Subsonic API sees it.
 *
 * @param id                 stable id; per-user data (stars, playlists, scrobbles) is keyed by it
 * @param email              may be null
 * @param subsonicPassword   the decrypted Subsonic app password, needed to check tokens
 *                           (md5(password + salt)); null when the user has none, so only API keys work
 * @param admin              the owner: may scan, see every user and every playlist
 * @param download           may use {@code download}
 * @param ingest             may add music (reported as Subsonic's uploadRole)
 * @param enabled            a disabled account cannot sign in
 */
public record SubsonicUser(String id, String username, String email, String subsonicPassword, boolean admin,
                           boolean download, boolean ingest, boolean enabled) {

    /** Never prints the password, so a logged user is harmless. */
    @Override
    public String toString() {
        return "SubsonicUser[id=" + id + ", username=" + username + ", admin=" + admin + ", download=" + download
                + ", ingest=" + ingest + ", enabled=" + enabled + "]";
    }
}
