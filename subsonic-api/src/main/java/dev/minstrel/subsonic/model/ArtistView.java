package dev.minstrel.subsonic.model;

/** An artist (or top-level folder) in folder browsing: XSD {@code Artist}. */
@BuiltByName
public record ArtistView(String id, String name, String artistImageUrl, String starred, Integer userRating) {
}
