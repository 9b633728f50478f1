package dev.minstrel.ingest.link;

import java.util.Locale;

/**
 * A link the owner pasted, normalised: the same track pasted twice (with tracking parameters, an
 * {@code intl-xx} prefix, as a {@code spotify:} URI or a youtu.be short link) becomes the same link.
 *
 * @param url    the canonical https URL handed to the downloader; never starts with '-'
 * @param source which service it points at
 * @param kind   what it points at
 * @param id     the service's own id of the track, album, playlist, artist or video
 */
public record Link(String url, Source source, Kind kind, String id) {

    public enum Source { SPOTIFY, YOUTUBE, YOUTUBE_MUSIC }

    public enum Kind {
        TRACK, ALBUM, PLAYLIST, ARTIST;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A YouTube video by its id, as {@link LinkParser} makes it of a youtube.com or youtu.be link. */
    public static Link youTubeVideo(String id) {
        return new Link("https://www.youtube.com/watch?v=" + id, Source.YOUTUBE, Kind.TRACK, id);
    }

    /** What makes two links the same job: a YouTube video is the same on music.youtube.com. */
    public String identity() {
        String service = source == Source.SPOTIFY ? "spotify" : "youtube";
        return service + ":" + kind.key() + ":" + id;
    }

    public boolean isYouTube() {
        return source != Source.SPOTIFY;
    }
}
