package dev.minstrel.server.ingest;

import dev.minstrel.ingest.watch.PlaylistMirror;
import dev.minstrel.subsonic.playlist.MirroredPlaylists;
import reactor.core.publisher.Mono;

import java.util.List;

/** Watched playlists mirrored as Subsonic playlists (ingest and the Subsonic API know nothing of each other). */
final class SubsonicPlaylistMirror implements PlaylistMirror {

    private final MirroredPlaylists playlists;

    SubsonicPlaylistMirror(MirroredPlaylists playlists) {
        this.playlists = playlists;
    }

    @Override
    public Mono<String> create(String ownerId, String name, String sourceUrl) {
        return playlists.create(ownerId, name, sourceUrl);
    }

    @Override
    public Mono<Boolean> follow(String playlistId, String name, List<String> trackIds) {
        return playlists.follow(playlistId, name, trackIds);
    }

    @Override
    public Mono<Void> release(String playlistId) {
        return playlists.release(playlistId);
    }

    @Override
    public Mono<Void> delete(String playlistId) {
        return playlists.delete(playlistId);
    }
}
