package dev.minstrel.subsonic.playlist;

import dev.minstrel.analytics.playlists.MadePlaylists;
import dev.minstrel.library.MusicLibrary;
import dev.minstrel.library.catalogue.Track;
import dev.minstrel.subsonic.auth.SubsonicUser;
import dev.minstrel.subsonic.cover.PlaylistCovers;
import reactor.core.publisher.Mono;

import java.util.List;

/** A playlist's cover art: that of its first song that has some, as its {@code coverArt} attribute names it. */
public final class PlaylistCoverArt implements PlaylistCovers {

    private final PlaylistStore store;
    private final MadePlaylists made;
    private final MusicLibrary library;

    public PlaylistCoverArt(PlaylistStore store, MadePlaylists made, MusicLibrary library) {
        this.store = store;
        this.made = made;
        this.library = library;
    }

    /** Empty when the playlist has no art, does not exist, or the user may not see it (as getPlaylist decides). */
    @Override
    public Mono<String> coverArtId(SubsonicUser user, String playlistId) {
        if (MadePlaylists.isMade(playlistId)) {
            return made.find(user.id(), playlistId)
                    .flatMap(p -> Mono.justOrEmpty(of(PlaylistEndpoints.tracks(p, library.catalogue()))));
        }
        return store.byId(playlistId).filter(p -> p.visibleTo(user))
                .flatMap(p -> Mono.justOrEmpty(of(p.tracks(library.catalogue()))));
    }

    static String of(List<Track> tracks) {
        return tracks.stream().map(Track::coverArtId).filter(c -> c != null).findFirst().orElse(null);
    }
}
