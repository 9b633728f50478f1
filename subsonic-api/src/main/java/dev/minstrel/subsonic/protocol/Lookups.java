package dev.minstrel.subsonic.protocol;

import dev.minstrel.library.catalogue.Album;
import dev.minstrel.library.catalogue.Artist;
import dev.minstrel.library.catalogue.Catalogue;
import dev.minstrel.library.catalogue.Track;
import org.springframework.http.MediaType;

/**
 * What the handlers of several Subsonic methods look up, each failing the way the protocol expects
 * (error 70 for an unknown id or music folder), so that no handler has to call another one.
 */
public final class Lookups {

    /** Minstrel serves one music folder. */
    public static final int MUSIC_FOLDER_ID = 1;

    private Lookups() {
    }

    public static Track track(Catalogue catalogue, String id) {
        return catalogue.track(id).orElseThrow(() -> SubsonicException.notFound("Song"));
    }

    public static Album album(Catalogue catalogue, String id) {
        return catalogue.album(id).orElseThrow(() -> SubsonicException.notFound("Album"));
    }

    public static Artist artist(Catalogue catalogue, String id) {
        return catalogue.artist(id).orElseThrow(() -> SubsonicException.notFound("Artist"));
    }

    /** Error 70 for any musicFolderId but ours: ignoring it would hide a client's mistake. */
    public static void checkMusicFolder(Call call) {
        for (Integer id : call.params().integers("musicFolderId")) {
            if (id != MUSIC_FOLDER_ID) {
                throw SubsonicException.notFound("Music folder " + id);
            }
        }
    }

    /** The Content-Type for a file of the library (audio or art); octet-stream when it is unknown or malformed. */
    public static MediaType mediaType(String contentType) {
        try {
            return contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
        } catch (IllegalArgumentException unknown) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
    }
}
