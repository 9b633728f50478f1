package dev.minstrel.subsonic.playlist;

import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;

/**
 * Stored playlists that mirror a watched Spotify or YouTube playlist: made and kept in step by the
 * server (ingest's watches), read-only for every app while they mirror (see {@link PlaylistEndpoints}).
 */
public final class MirroredPlaylists {

    private final PlaylistStore store;
    private final Clock clock;

    public MirroredPlaylists(PlaylistStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A new, empty, private playlist of {@code ownerId} mirroring {@code sourceUrl}; its id. */
    public Mono<String> create(String ownerId, String name, String sourceUrl) {
        return store.create(ownerId, name, List.of(), sourceUrl, clock.millis());
    }

    /**
     * Gives the mirror this name and these songs in this order; a mirror already so is left as it is
     * (its {@code changed} time tells apps nothing changed). False when there is no such playlist.
     */
    public Mono<Boolean> follow(String playlistId, String name, List<String> trackIds) {
        return store.byId(playlistId)
                .flatMap(p -> p.name().equals(name) && p.trackIds().equals(trackIds) ? Mono.just(true)
                        : store.update(playlistId, name, null, null, trackIds, clock.millis()).thenReturn(true))
                .defaultIfEmpty(false);
    }

    /** The playlist stays, as an ordinary one its owner may change. */
    public Mono<Void> release(String playlistId) {
        return store.stopMirroring(playlistId);
    }

    public Mono<Void> delete(String playlistId) {
        return store.delete(playlistId);
    }
}
