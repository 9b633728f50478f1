package dev.minstrel.ingest.watch;

import reactor.core.publisher.Mono;

import java.util.List;

/**
 * Where a watched playlist is mirrored: a playlist every Subsonic app sees, read-only while it
 * mirrors. The server provides it over its playlist store (ingest knows no Subsonic).
 */
public interface PlaylistMirror {

    /** A new, empty, read-only playlist of {@code ownerId} mirroring {@code sourceUrl}; its id. */
    Mono<String> create(String ownerId, String name, String sourceUrl);

    /**
     * Gives the mirror this name and these songs, in this order (left as it is when nothing changed).
     * False when the playlist is gone (its owner's account was deleted, say).
     */
    Mono<Boolean> follow(String playlistId, String name, List<String> trackIds);

    /** The playlist stays, as an ordinary playlist its owner may change. */
    Mono<Void> release(String playlistId);

    Mono<Void> delete(String playlistId);
}
