package dev.minstrel.subsonic.model;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A song or a directory (XSD {@code Child}), with the OpenSubsonic additions. The four fields
 * after {@code bookmarkPosition} are only set in getNowPlaying entries (XSD {@code NowPlayingEntry}
 * extends Child). Built by name with the generated {@code ChildBuilder}: a new field is one more
 * component here, and null (left out) wherever it is not set.
 */
@BuiltByName
public record Child(
        String id,
        String parent,
        @JsonProperty("isDir") boolean isDir,
        String title,
        String album,
        String artist,
        Integer track,
        Integer year,
        String genre,
        String coverArt,
        Long size,
        String contentType,
        String suffix,
        Integer duration,
        Integer bitRate,
        String path,
        Integer userRating,
        Long playCount,
        Integer discNumber,
        String created,
        String starred,
        String albumId,
        String artistId,
        String type,
        @JsonProperty("isVideo") Boolean isVideo,
        Long bookmarkPosition,
        String username,
        Integer minutesAgo,
        Integer playerId,
        String playerName,
        @OpenSubsonic String played,
        @OpenSubsonic Integer bpm,
        @OpenSubsonic String comment,
        @OpenSubsonic String sortName,
        @OpenSubsonic String mediaType,
        @OpenSubsonic String musicBrainzId,
        @OpenSubsonic String displayArtist,
        @OpenSubsonic String displayAlbumArtist,
        @OpenSubsonic String displayComposer,
        @OpenSubsonic Integer channelCount,
        @OpenSubsonic Integer samplingRate,
        @OpenSubsonic Integer bitDepth,
        @OpenSubsonic String explicitStatus,
        @OpenSubsonic List<String> isrc,
        @OpenSubsonic List<Name> genres,
        @OpenSubsonic List<IdName> artists,
        @OpenSubsonic List<IdName> albumArtists,
        @OpenSubsonic List<Contributor> contributors,
        @OpenSubsonic List<String> moods,
        @OpenSubsonic ReplayGainView replayGain,
        @OpenSubsonic String state,
        @OpenSubsonic Long positionMs,
        @OpenSubsonic Double playbackRate) {

    /**
     * This entry as a getNowPlaying entry; {@code state}, {@code positionMs} and
     * {@code playbackRate} (OpenSubsonic's playbackReport) null for legacy clients.
     */
    public Child playing(String username, int minutesAgo, int playerId, String playerName, String state,
                         Long positionMs, Double playbackRate) {
        return ChildBuilder.builder(this).username(username).minutesAgo(minutesAgo).playerId(playerId)
                .playerName(playerName).state(state).positionMs(positionMs).playbackRate(playbackRate).build();
    }
}
