package dev.minstrel.subsonic.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.dataformat.xml.annotation.JacksonXmlText;

import java.util.List;

/**
 * The payload types of the responses, one record per XSD type. Scalars become XML attributes and
 * lists repeated child elements (see {@code protocol.ResponseWriter}); a null or empty legacy list is
 * left out, which yields the {@code {}} that clients expect for empty results. The wide ones are
 * {@link BuiltByName}: {@code PayloadsUserBuilder} and the like.
 */
public final class Payloads {

    private Payloads() {
    }

    public record MusicFolder(int id, String name) {
    }

    public record MusicFolders(List<MusicFolder> musicFolder) {
    }

    public record Index(String name, List<ArtistView> artist) {
    }

    @BuiltByName
    public record Indexes(long lastModified, String ignoredArticles, List<ArtistView> shortcut, List<Index> index,
                          List<Child> child) {
    }

    public record IndexID3(String name, List<ArtistID3> artist) {
    }

    public record Artists(String ignoredArticles, List<IndexID3> index) {
    }

    @BuiltByName
    public record Directory(String id, String parent, String name, String starred, Integer userRating,
                            Long playCount, List<Child> child) {
    }

    public record Genre(int songCount, int albumCount, @JacksonXmlText String value) {
    }

    public record Genres(List<Genre> genre) {
    }

    public record AlbumList(List<Child> album) {
    }

    public record AlbumList2(List<AlbumID3> album) {
    }

    /** randomSongs, songsByGenre, similarSongs(2), topSongs. */
    public record Songs(List<Child> song) {
    }

    public record NowPlaying(List<Child> entry) {
    }

    /** searchResult2 and starred. */
    public record Matches(List<ArtistView> artist, List<Child> album, List<Child> song) {
    }

    /** searchResult3 and starred2. */
    public record MatchesID3(List<ArtistID3> artist, List<AlbumID3> album, List<Child> song) {
    }

    @BuiltByName
    public record ArtistInfo<A>(@ChildElement String biography, @ChildElement String musicBrainzId,
                                @ChildElement String lastFmUrl, @ChildElement String smallImageUrl,
                                @ChildElement String mediumImageUrl, @ChildElement String largeImageUrl,
                                List<A> similarArtist) {
    }

    @BuiltByName
    public record AlbumInfo(@ChildElement String notes, @ChildElement String musicBrainzId,
                            @ChildElement String lastFmUrl, @ChildElement String smallImageUrl,
                            @ChildElement String mediumImageUrl, @ChildElement String largeImageUrl) {
    }

    public record Lyrics(String artist, String title, @JacksonXmlText String value) {
    }

    public record Line(Long start, @JacksonXmlText String value) {
    }

    public record StructuredLyrics(String displayArtist, String displayTitle, String lang, long offset,
                                   boolean synced, List<Line> line) {
    }

    public record LyricsList(List<StructuredLyrics> structuredLyrics) {
    }

    @BuiltByName
    public record Playlist(String id, String name, String comment, String owner, @JsonProperty("public") boolean isPublic,
                           int songCount, int duration, String created, String changed, String coverArt,
                           @OpenSubsonic Boolean readonly, @OpenSubsonic String validUntil, List<String> allowedUser,
                           List<Child> entry) {
    }

    public record Playlists(List<Playlist> playlist) {
    }

    @BuiltByName
    public record PlayQueue(String current, Long position, String username, String changed, String changedBy,
                            List<Child> entry) {
    }

    /** OpenSubsonic {@code indexBasedQueue}: the queue by position, so the same song may be queued twice. */
    @BuiltByName
    public record PlayQueueByIndex(Integer currentIndex, Long position, String username, String changed,
                                   String changedBy, List<Child> entry) {
    }

    /**
     * OpenSubsonic {@code transcoding}: whether the client can play the file as it is, else the
     * transcode the server will run; {@code transcodeParams} is what getTranscodeStream takes.
     */
    @BuiltByName
    public record TranscodeDecision(boolean canDirectPlay, boolean canTranscode, List<String> transcodeReason,
                                    String errorReason, String transcodeParams, StreamDetails sourceStream,
                                    StreamDetails transcodeStream) {
    }

    /** A stream's protocol, container and codec; bit rates in bit/s, as the transcoding extension counts them. */
    public record StreamDetails(String protocol, String container, String codec, Integer audioChannels,
                                Integer audioBitrate, String audioProfile, Integer audioSamplerate,
                                Integer audioBitdepth) {
    }

    /** One bookmark; its {@code entry} is a single object, never a list (XSD maxOccurs=1). */
    @BuiltByName
    public record Bookmark(long position, String username, String comment, String created, String changed,
                           Child entry) {
    }

    public record Bookmarks(List<Bookmark> bookmark) {
    }

    public record License(boolean valid, String email, String licenseExpires, String trialExpires) {
    }

    /**
     * @param unreadableCount files in the music folder that are not in the library (an extension, like
     *                        Navidrome's folderCount and lastScan)
     * @param unreadable      those files with the reason in plain words, for the owner only
     */
    public record ScanStatus(boolean scanning, long count, Integer folderCount, String lastScan,
                             Integer unreadableCount, List<UnreadableFile> unreadable) {
    }

    public record UnreadableFile(String path, String reason) {
    }

    @BuiltByName
    public record User(String username, String email, boolean scrobblingEnabled, Integer maxBitRate,
                       boolean adminRole, boolean settingsRole, boolean downloadRole, boolean uploadRole,
                       boolean playlistRole, boolean coverArtRole, boolean commentRole, boolean podcastRole,
                       boolean streamRole, boolean jukeboxRole, boolean shareRole, boolean videoConversionRole,
                       List<Integer> folder) {
    }

    public record Users(List<User> user) {
    }

    public record OpenSubsonicExtension(String name, List<Integer> versions) {
    }

    public record TokenInfo(String username) {
    }

    public record Error(int code, String message, String helpUrl) {
    }
}
