package dev.minstrel.subsonic.model;

import java.util.List;

/** An artist in tag browsing; {@code album} is set only by getArtist (XSD ArtistWithAlbumsID3). */
@BuiltByName
public record ArtistID3(
        String id,
        String name,
        String coverArt,
        String artistImageUrl,
        int albumCount,
        String starred,
        @OpenSubsonic Integer userRating,
        @OpenSubsonic String musicBrainzId,
        @OpenSubsonic String sortName,
        @OpenSubsonic List<String> roles,
        List<AlbumID3> album) {

    public ArtistID3 withAlbums(List<AlbumID3> albums) {
        return ArtistID3Builder.builder(this).album(albums).build();
    }
}
