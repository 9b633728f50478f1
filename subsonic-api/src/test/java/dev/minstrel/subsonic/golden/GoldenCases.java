package dev.minstrel.subsonic.golden;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.minstrel.subsonic.golden.GoldenCase.Caller.BOB;
import static dev.minstrel.subsonic.golden.GoldenCase.Caller.NOBODY;
import static dev.minstrel.subsonic.golden.GoldenCase.of;

/**
 * The calls whose answers are kept, in the order they run: first the writes that give alice and
 * bob stars, ratings, listens, playlists, a play queue and a bookmark, then every read, the client
 * modes and the errors, and last the deletes. Each answer is taken in XML and in JSON.
 */
final class GoldenCases {

    /** A phone app that plays MP3 as it is and takes Opus, then MP3, as transcodes at up to 128 kbit/s. */
    private static final String CLIENT_PLAYING_MP3 = """
            {"name":"Symfonium","platform":"Android","maxAudioBitrate":320000,"maxTranscodingAudioBitrate":128000,
             "directPlayProfiles":[{"containers":["mp3"],"audioCodecs":["mp3"],"protocols":["http"],"maxAudioChannels":2}],
             "transcodingProfiles":[{"container":"ogg","audioCodec":"opus","protocol":"http"},
                                    {"container":"mp3","audioCodec":"mp3","protocol":"http"}],
             "codecProfiles":[{"type":"AudioCodec","name":"mp3","limitations":[{"name":"audioSamplerate",
                               "comparison":"LessThanEqual","values":["48000"],"required":true}]}]}
            """;

    private GoldenCases() {
    }

    static List<GoldenCase> all() {
        return List.of(
                // system
                of("ping", "ok", ""),
                of("getLicense", "owner", ""),
                of("getOpenSubsonicExtensions", "without-credentials", "").as(NOBODY),
                of("tokenInfo", "api-key", "apiKey=alice-api-key-0123456789").as(NOBODY),
                of("getScanStatus", "idle", ""),
                of("startScan", "refused-to-a-friend", "").as(BOB),

                // writes: what the reads below show
                of("star", "track-album-artist", l -> "id=" + l.track("Dancing Queen") + "&albumId=" + l.album("Arrival")
                        + "&artistId=" + l.artist("ABBA")),
                of("star", "folder", l -> "id=" + l.folder("Björk/Homogenic")),
                of("setRating", "track", l -> "id=" + l.track("Hunter") + "&rating=5"),
                of("setRating", "album", l -> "id=" + l.album("Homogenic") + "&rating=4"),
                of("scrobble", "submission", l -> "id=" + l.track("Dancing Queen") + "&time=1795604400000"),
                of("scrobble", "several", l -> "id=" + l.track("Hunter") + "&id=" + l.track("Jóga")
                        + "&time=1795604700000&time=1795605000000"),
                of("scrobble", "now-playing", l -> "id=" + l.track("Get Lucky") + "&submission=false").as(BOB),
                of("reportPlayback", "playing", l -> "mediaId=" + l.track("Tibetan Dance")
                        + "&mediaType=song&positionMs=42000&state=playing&playbackRate=1.0").client("Feishin"),
                of("createPlaylist", "new", l -> "name=Road%20Trip&songId=" + l.track("Hells Bells") + "&songId="
                        + l.track("Dancing Queen") + "&songId=" + l.track("Tibetan Dance"))
                        .thenJson(l -> "name=Night%20Drive&songId=" + l.track("Hey You")),
                of("createPlaylist", "to-delete", "name=Scratch").thenJson(l -> "name=Scratch%202"),
                of("createPlaylist", "bobs", l -> "name=Bob%E2%80%99s%20M%C3%BCsik&songId=" + l.track("Jóga")).as(BOB)
                        .thenJson(l -> "name=Bob%E2%80%99s%20Other&songId=" + l.track("Get Lucky")),
                of("updatePlaylist", "public-with-comment", l -> "playlistId=" + l.playlist("Bob’s Müsik")
                        + "&public=true&comment=For%20the%20car&songIdToAdd=" + l.track("Hunter") + "&songIndexToRemove=0")
                        .as(BOB).thenJson(l -> "playlistId=" + l.playlist("Bob’s Other") + "&name=Bob%E2%80%99s%20Renamed"),
                of("savePlayQueue", "three-songs", l -> "id=" + l.track("In the Flesh?") + "&id=" + l.track("Hey You")
                        + "&id=" + l.track("Hunter") + "&current=" + l.track("Hey You") + "&position=83000"),
                of("createBookmark", "with-comment", l -> "id=" + l.track("So What") + "&position=120000&comment=solo"),

                // browsing by folder
                of("getMusicFolders", "one", ""),
                of("getIndexes", "all", ""),
                of("getIndexes", "unchanged-since", "ifModifiedSince=1893456000000"),
                of("getMusicDirectory", "folder-with-art", l -> "id=" + l.folder("Björk/Homogenic")),
                of("getMusicDirectory", "artist", l -> "id=" + l.artist("Pink Floyd")),
                of("getMusicDirectory", "album", l -> "id=" + l.album("Arrival")),
                // browsing by tags
                of("getGenres", "all", ""),
                of("getArtists", "all", ""),
                of("getArtist", "unicode", l -> "id=" + l.artist("坂本龍一")),
                of("getArtist", "slash-in-name", l -> "id=" + l.artist("AC/DC")),
                of("getAlbum", "compilation", l -> "id=" + l.album("Now That's What I Call Music!")),
                of("getAlbum", "two-discs", l -> "id=" + l.album("The Wall")),
                of("getAlbum", "starred-and-played", l -> "id=" + l.album("Arrival")),
                of("getAlbum", "untagged", l -> "id=" + l.album("Kind of Blue")),
                of("getSong", "every-tag", l -> "id=" + l.track("Dancing Queen")),
                of("getSong", "several-artists", l -> "id=" + l.track("Get Lucky")),
                of("getSong", "no-tags-at-all", l -> "id=" + l.track("untagged")),
                of("getArtistInfo", "similar-by-genre", l -> "id=" + l.artist("ABBA")),
                of("getArtistInfo2", "similar-by-genre", l -> "id=" + l.artist("ABBA")),
                of("getAlbumInfo", "with-art", l -> "id=" + l.album("Arrival")),
                of("getAlbumInfo2", "with-art", l -> "id=" + l.album("Arrival")),
                of("getSimilarSongs", "by-genre", l -> "id=" + l.track("Hells Bells")).inRandomOrder(),
                of("getSimilarSongs2", "by-artist", l -> "id=" + l.artist("Björk")).inRandomOrder(),
                of("getTopSongs", "by-name", "artist=ABBA"),
                of("getTopSongs", "by-id", l -> "id=" + l.artist("Björk")),

                // lists
                of("getAlbumList", "newest", "type=newest&size=3"),
                of("getAlbumList", "random", "type=random&size=500").inRandomOrder(),
                of("getAlbumList2", "alphabetical-by-name", "type=alphabeticalByName"),
                of("getAlbumList2", "by-year-descending", "type=byYear&fromYear=1990&toYear=1970"),
                of("getAlbumList2", "by-genre", "type=byGenre&genre=Rock"),
                of("getAlbumList2", "frequent", "type=frequent"),
                of("getAlbumList2", "highest", "type=highest"),
                of("getAlbumList2", "starred", "type=starred"),
                of("getRandomSongs", "by-genre-and-years", "genre=Rock&fromYear=1979&toYear=1980&size=500").inRandomOrder(),
                of("getSongsByGenre", "paged", "genre=Pop&count=2&offset=1"),
                of("getNowPlaying", "bobs-player", ""),
                of("getStarred", "alice", ""),
                of("getStarred2", "alice", ""),
                // searching
                of("search2", "unicode", "query=" + encode("björk")),
                of("search3", "everything", "query=&artistCount=500&albumCount=500&songCount=500"),
                of("search3", "quoted-empty", "query=%22%22&songCount=2&songOffset=3&artistCount=0&albumCount=0"),
                of("search3", "no-match", "query=nothing-like-this"),
                // playlists
                of("getPlaylists", "own-and-public", ""),
                of("getPlaylists", "bobs", "").as(BOB),
                of("getPlaylist", "mixed-formats", l -> "id=" + l.playlist("Road Trip")),
                of("getPlaylist", "someone-elses-public", l -> "id=" + l.playlist("Bob’s Müsik")),
                of("getPlaylist", "made-from-listening", "id=mp-top-week"),
                of("updatePlaylist", "made-from-listening", "playlistId=mp-top-week&name=Mine"),
                // media
                of("stream", "whole-file", l -> "id=" + l.track("Dancing Queen")).formats("http"),
                of("stream", "range", l -> "id=" + l.track("Hunter")).header("Range: bytes=100-199").formats("http"),
                of("stream", "unknown-id", "id=tr-none"),
                of("stream", "transcoded-with-estimated-length", l -> "id=" + l.track("Dancing Queen")
                        + "&format=opus&maxBitRate=96&estimateContentLength=true").formats("http"),
                of("getTranscodeDecision", "direct-play", l -> "mediaId=" + l.track("Dancing Queen") + "&mediaType=song")
                        .postJson(CLIENT_PLAYING_MP3),
                of("getTranscodeDecision", "flac-to-opus", l -> "mediaId=" + l.track("Hunter") + "&mediaType=song")
                        .postJson(CLIENT_PLAYING_MP3),
                of("getTranscodeDecision", "nothing-it-can-make", l -> "mediaId=" + l.track("Hunter") + "&mediaType=song")
                        .postJson("""
                                {"name":"Old Phone","platform":"Android","directPlayProfiles":[{"containers":["mp3"],
                                "audioCodecs":["mp3"],"protocols":["http"]}],"transcodingProfiles":[{"container":"mp4",
                                "audioCodec":"aac","protocol":"http"},{"container":"ts","audioCodec":"mp3","protocol":"hls"}]}
                                """),
                of("getTranscodeDecision", "without-body", l -> "mediaId=" + l.track("Hunter") + "&mediaType=song"),
                of("getTranscodeDecision", "podcast", "mediaId=pd-1&mediaType=podcast").postJson(CLIENT_PLAYING_MP3),
                of("getTranscodeStream", "raw", l -> "mediaId=" + l.track("Dancing Queen")
                        + "&mediaType=song&transcodeParams=raw").formats("http"),
                of("getTranscodeStream", "made-up-params", l -> "mediaId=" + l.track("Dancing Queen")
                        + "&mediaType=song&transcodeParams=wav-9000"),
                of("download", "attachment", l -> "id=" + l.track("Jóga")).formats("http"),
                of("download", "refused-to-a-friend", l -> "id=" + l.track("Jóga")).as(BOB),
                of("getCoverArt", "embedded", l -> "id=" + l.catalogue().album(l.album("Arrival")).orElseThrow()
                        .coverArtId()).formats("http"),
                of("getCoverArt", "folder-image-scaled", l -> "id=" + l.catalogue().album(l.album("Homogenic"))
                        .orElseThrow().coverArtId() + "&size=16").formats("http"),
                of("getCoverArt", "none", l -> "id=" + l.album("The Wall")),
                of("getLyrics", "embedded", "artist=ABBA&title=" + encode("Knowing Me, Knowing You")),
                of("getLyrics", "none", "artist=ABBA&title=Waterloo"),
                of("getLyricsBySongId", "synced-sidecar", l -> "id=" + l.track("Dancing Queen")),
                of("getLyricsBySongId", "none", l -> "id=" + l.track("Hunter")),
                // bookmarks and the play queue
                of("getBookmarks", "one", ""),
                of("getPlayQueue", "saved", ""),
                of("getPlayQueue", "none-saved", "").as(BOB),
                of("getPlayQueueByIndex", "saved-by-id", ""),
                of("savePlayQueueByIndex", "same-song-twice", l -> "id=" + l.track("Hey You") + "&id=" + l.track("Hunter")
                        + "&id=" + l.track("Hey You") + "&currentIndex=2&position=5000").as(BOB),
                of("savePlayQueueByIndex", "index-past-the-end", l -> "id=" + l.track("Hey You") + "&currentIndex=1").as(BOB),
                of("getPlayQueueByIndex", "same-song-twice", "").as(BOB),
                // users
                of("getUser", "self", ""),
                of("getUser", "friend-asked-by-owner", "username=bob"),
                of("getUsers", "all", ""),

                // client modes: legacy clients get no OpenSubsonic fields, minimal ones only what they play
                of("getAlbum", "dsub", l -> "id=" + l.album("Arrival")).client("DSub"),
                of("getAlbum", "submusic", l -> "id=" + l.album("Arrival")).client("SubMusic"),
                of("getSong", "dsub", l -> "id=" + l.track("Dancing Queen")).client("DSub"),
                of("getSong", "submusic", l -> "id=" + l.track("Dancing Queen")).client("SubMusic"),
                of("getArtist", "dsub", l -> "id=" + l.artist("ABBA")).client("DSub"),
                of("getMusicDirectory", "dsub", l -> "id=" + l.album("Arrival")).client("DSub"),
                of("search3", "dsub", "query=abba").client("DSub"),
                of("getPlaylist", "submusic", l -> "id=" + l.playlist("Road Trip")).client("SubMusic"),
                of("getPlaylists", "dsub", "").client("DSub"),

                // errors, in the envelope over HTTP 200
                of("ping", "jsonp", "callback=cb").formats("jsonp"),
                of("ping", "wrong-password", "u=alice&p=wrong").as(NOBODY),
                of("ping", "password-hex-encoded", "u=alice&p=enc:736573616d65").as(NOBODY),
                of("ping", "no-credentials", "").as(NOBODY),
                of("ping", "conflicting-credentials", "u=alice&apiKey=alice-api-key-0123456789").as(NOBODY),
                of("ping", "unknown-api-key", "apiKey=nope").as(NOBODY),
                of("getAlbum", "missing-id", ""),
                of("getAlbum", "unknown-id", "id=al-none"),
                of("getAlbumList2", "unknown-type", "type=sideways"),
                of("getArtists", "unknown-music-folder", "musicFolderId=7"),
                of("getUsers", "refused-to-a-friend", "").as(BOB),
                of("getPodcasts", "unavailable", ""),
                of("noSuchMethod", "unknown-method", ""),
                of("reportPlayback", "unknown-state", l -> "mediaId=" + l.track("Hunter")
                        + "&mediaType=song&positionMs=0&state=rewinding"),
                of("reportPlayback", "podcast", "mediaId=pe-1&mediaType=podcast&positionMs=0&state=starting"),

                // deletes last: they take away what the reads above show
                of("deleteBookmark", "existing", l -> "id=" + l.track("So What")),
                of("deletePlaylist", "own", l -> "id=" + l.playlist("Scratch"))
                        .thenJson(l -> "id=" + l.playlist("Scratch 2")),
                of("deletePlaylist", "someone-elses", l -> "id=" + l.playlist("Bob’s Müsik")),
                of("deletePlaylist", "made-from-listening", "id=mp-top-week"),
                of("unstar", "track-album-artist", l -> "id=" + l.track("Dancing Queen") + "&albumId="
                        + l.album("Arrival") + "&artistId=" + l.artist("ABBA")),
                of("savePlayQueue", "cleared", ""));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
