package dev.minstrel.subsonic.cover;

import dev.minstrel.subsonic.auth.SubsonicUser;
import reactor.core.publisher.Mono;

/** Which cover art a playlist shows. */
@FunctionalInterface
public interface PlaylistCovers {

    /**
     * The cover art id of the playlist's first song that has art; empty when it has none, when
     * there is no such playlist, or when the user may not see it.
     */
    Mono<String> coverArtId(SubsonicUser user, String playlistId);
}
