package dev.minstrel.subsonic;

import dev.minstrel.subsonic.annotation.AnnotationEndpoints;
import dev.minstrel.subsonic.browse.BrowseEndpoints;
import dev.minstrel.subsonic.cover.CoverArtEndpoints;
import dev.minstrel.subsonic.cover.CoverArtUrls;
import dev.minstrel.subsonic.lists.ListEndpoints;
import dev.minstrel.subsonic.lists.NowPlayingEndpoints;
import dev.minstrel.subsonic.media.MediaEndpoints;
import dev.minstrel.subsonic.media.TranscodeEndpoints;
import dev.minstrel.subsonic.playlist.PlaylistEndpoints;
import dev.minstrel.subsonic.playqueue.PlayQueueEndpoints;
import dev.minstrel.subsonic.protocol.Endpoints;
import dev.minstrel.subsonic.search.SearchEndpoints;
import dev.minstrel.subsonic.system.SystemEndpoints;
import dev.minstrel.subsonic.user.UserEndpoints;

import static dev.minstrel.subsonic.protocol.Endpoints.Access.PUBLIC;
import static dev.minstrel.subsonic.protocol.Endpoints.Access.USER;
import static dev.minstrel.subsonic.protocol.Endpoints.Access.USER_OR_SIGNED;

/**
 * The route table: every Subsonic method Minstrel answers, one line each, with who may call it
 * and the handler named after it, grouped as the Subsonic API documentation groups them; then the
 * methods Minstrel deliberately does not offer, which answer a clear error (code 0) instead of
 * "unknown method" (code 70). {@code /rest/<method>} and {@code /rest/<method>.view} both land here
 * through the {@link dev.minstrel.subsonic.protocol.Dispatcher}.
 *
 * <p>Access: {@code PUBLIC} needs no credentials; {@code USER} needs a signed-in user;
 * {@code USER_OR_SIGNED} also accepts a URL this server signed (its check is the last argument).
 * {@code data} handlers answer in the envelope (XML or JSON); {@code media} handlers answer with
 * bytes of their own (audio, images). To add a method: add its line here, its handler method,
 * and its golden answers (see docs/architecture.md).
 */
record SubsonicRoutes(SystemEndpoints system, BrowseEndpoints browse, ListEndpoints lists,
                      NowPlayingEndpoints nowPlaying, SearchEndpoints search, PlaylistEndpoints playlists,
                      MediaEndpoints media, TranscodeEndpoints transcoding, CoverArtEndpoints coverArt, CoverArtUrls coverArtUrls,
                      AnnotationEndpoints annotations, PlayQueueEndpoints playQueue, UserEndpoints users) {

    private static final String PODCASTS = "Podcasts";
    private static final String JUKEBOX = "Jukebox controls";
    private static final String RADIO = "Internet radio stations";
    private static final String CHAT = "Chat messages";
    private static final String SHARES = "Shares";
    private static final String VIDEOS = "Videos";
    private static final String AVATARS = "Avatars";
    private static final String USER_MANAGEMENT = "User management calls (use Minstrel's account settings)";
    private static final String DEPRECATED_SEARCH = "Deprecated searches (use search3)";

    Endpoints table() {
        return new Endpoints()
                // system
                .data(USER, "ping", system::ping)
                .data(USER, "getLicense", system::getLicense)
                .data(PUBLIC, "getOpenSubsonicExtensions", system::getOpenSubsonicExtensions)
                .data(USER, "tokenInfo", system::tokenInfo)
                // browsing
                .data(USER, "getMusicFolders", browse::getMusicFolders)
                .data(USER, "getIndexes", browse::getIndexes)
                .data(USER, "getMusicDirectory", browse::getMusicDirectory)
                .data(USER, "getGenres", browse::getGenres)
                .data(USER, "getArtists", browse::getArtists)
                .data(USER, "getArtist", browse::getArtist)
                .data(USER, "getAlbum", browse::getAlbum)
                .data(USER, "getSong", browse::getSong)
                .data(USER, "getArtistInfo", browse::getArtistInfo)
                .data(USER, "getArtistInfo2", browse::getArtistInfo2)
                .data(USER, "getAlbumInfo", browse::getAlbumInfo)
                .data(USER, "getAlbumInfo2", browse::getAlbumInfo2)
                .data(USER, "getSimilarSongs", browse::getSimilarSongs)
                .data(USER, "getSimilarSongs2", browse::getSimilarSongs2)
                .data(USER, "getTopSongs", browse::getTopSongs)
                // album and song lists
                .data(USER, "getAlbumList", lists::getAlbumList)
                .data(USER, "getAlbumList2", lists::getAlbumList2)
                .data(USER, "getRandomSongs", lists::getRandomSongs)
                .data(USER, "getSongsByGenre", lists::getSongsByGenre)
                .data(USER, "getNowPlaying", nowPlaying::getNowPlaying)
                .data(USER, "getStarred", lists::getStarred)
                .data(USER, "getStarred2", lists::getStarred2)
                // searching
                .data(USER, "search2", search::search2)
                .data(USER, "search3", search::search3)
                // playlists
                .data(USER, "getPlaylists", playlists::getPlaylists)
                .data(USER, "getPlaylist", playlists::getPlaylist)
                .data(USER, "createPlaylist", playlists::createPlaylist)
                .data(USER, "updatePlaylist", playlists::updatePlaylist)
                .data(USER, "deletePlaylist", playlists::deletePlaylist)
                // media retrieval
                .media(USER, "stream", media::stream)
                .media(USER, "download", media::download)
                .media(USER_OR_SIGNED, "getCoverArt", coverArt::getCoverArt, coverArtUrls::verify)
                .data(USER, "getLyrics", media::getLyrics)
                .data(USER, "getLyricsBySongId", media::getLyricsBySongId)
                // transcoding (OpenSubsonic)
                .data(USER, "getTranscodeDecision", transcoding::getTranscodeDecision)
                .media(USER, "getTranscodeStream", transcoding::getTranscodeStream)
                // media annotation
                .data(USER, "star", annotations::star)
                .data(USER, "unstar", annotations::unstar)
                .data(USER, "setRating", annotations::setRating)
                .data(USER, "scrobble", annotations::scrobble)
                .data(USER, "reportPlayback", annotations::reportPlayback)
                // bookmarks and the play queue
                .data(USER, "getBookmarks", playQueue::getBookmarks)
                .data(USER, "createBookmark", playQueue::createBookmark)
                .data(USER, "deleteBookmark", playQueue::deleteBookmark)
                .data(USER, "getPlayQueue", playQueue::getPlayQueue)
                .data(USER, "savePlayQueue", playQueue::savePlayQueue)
                .data(USER, "getPlayQueueByIndex", playQueue::getPlayQueueByIndex)
                .data(USER, "savePlayQueueByIndex", playQueue::savePlayQueueByIndex)
                // user management (read only: accounts are managed by Minstrel's own settings)
                .data(USER, "getUser", users::getUser)
                .data(USER, "getUsers", users::getUsers)
                // media library scanning
                .data(USER, "getScanStatus", system::getScanStatus)
                .data(USER, "startScan", system::startScan)

                // not offered
                .unavailable("getPodcasts", PODCASTS)
                .unavailable("getNewestPodcasts", PODCASTS)
                .unavailable("getPodcastEpisode", PODCASTS)
                .unavailable("refreshPodcasts", PODCASTS)
                .unavailable("createPodcastChannel", PODCASTS)
                .unavailable("deletePodcastChannel", PODCASTS)
                .unavailable("deletePodcastEpisode", PODCASTS)
                .unavailable("downloadPodcastEpisode", PODCASTS)
                .unavailable("jukeboxControl", JUKEBOX)
                .unavailable("getInternetRadioStations", RADIO)
                .unavailable("createInternetRadioStation", RADIO)
                .unavailable("updateInternetRadioStation", RADIO)
                .unavailable("deleteInternetRadioStation", RADIO)
                .unavailable("getChatMessages", CHAT)
                .unavailable("addChatMessage", CHAT)
                .unavailable("getShares", SHARES)
                .unavailable("createShare", SHARES)
                .unavailable("updateShare", SHARES)
                .unavailable("deleteShare", SHARES)
                .unavailable("getVideos", VIDEOS)
                .unavailable("getVideoInfo", VIDEOS)
                .unavailable("getCaptions", VIDEOS)
                .unavailable("hls.m3u8", VIDEOS)
                .unavailable("hls", VIDEOS)
                .unavailable("getAvatar", AVATARS)
                .unavailable("createUser", USER_MANAGEMENT)
                .unavailable("updateUser", USER_MANAGEMENT)
                .unavailable("deleteUser", USER_MANAGEMENT)
                .unavailable("changePassword", USER_MANAGEMENT)
                .unavailable("search", DEPRECATED_SEARCH);
        // not listed, so answered as unknown methods (error 70) until they are implemented: the
        // OpenSubsonic getSonicSimilarTracks and findSonicPath
    }
}
