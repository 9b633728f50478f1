package dev.minstrel.subsonic.protocol;

import dev.minstrel.subsonic.auth.SubsonicUser;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * One authenticated API call.
 *
 * @param user          null only for public endpoints
 * @param client        the {@code c} parameter ("unknown" when absent)
 * @param clientAddress the caller's IP, as the server determined it
 */
public record Call(ServerRequest request, Params params, Format format, SubsonicUser user, String client,
                   ClientProfile profile, String clientAddress) {

    public void requireAdmin(String action) {
        if (user == null || !user.admin()) {
            throw SubsonicException.notAuthorised("Only the owner may " + action);
        }
    }
}
