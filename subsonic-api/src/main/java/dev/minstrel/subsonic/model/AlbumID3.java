package dev.minstrel.subsonic.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/** An album in tag (ID3) browsing; {@code song} is set only by getAlbum (XSD AlbumWithSongsID3). */
@BuiltByName
public record AlbumID3(
        String id,
        String name,
        String artist,
        String artistId,
        String coverArt,
        int songCount,
        int duration,
        Long playCount,
        String created,
        String starred,
        Integer year,
        String genre,
        @OpenSubsonic String played,
        @OpenSubsonic Integer userRating,
        @OpenSubsonic String sortName,
        @OpenSubsonic String musicBrainzId,
        @OpenSubsonic String displayArtist,
        @OpenSubsonic @JsonProperty("isCompilation") Boolean isCompilation,
        @OpenSubsonic List<Name> recordLabels,
        @OpenSubsonic List<Name> genres,
        @OpenSubsonic List<IdName> artists,
        @OpenSubsonic List<String> releaseTypes,
        @OpenSubsonic List<String> moods,
        List<Child> song) {

    public AlbumID3 withSongs(List<Child> songs) {
        return AlbumID3Builder.builder(this).song(songs).build();
    }
}
