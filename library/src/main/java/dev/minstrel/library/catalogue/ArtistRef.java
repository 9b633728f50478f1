package dev.minstrel.library.catalogue;

/** An artist as credited on a track or album: its catalogue id and the name as tagged. */
public record ArtistRef(String id, String name) {
}
