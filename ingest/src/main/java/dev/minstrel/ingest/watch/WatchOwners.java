package dev.minstrel.ingest.watch;

/**
 * Whether a watch's owner may still add music, asked by each sync before it downloads anything: the
 * server's accounts answer (the owner always; a friend while enabled and granted {@code ingest}),
 * so a friend who lost the grant stops bringing songs in through a watch made before.
 */
@FunctionalInterface
public interface WatchOwners {

    boolean mayIngest(String userId);
}
