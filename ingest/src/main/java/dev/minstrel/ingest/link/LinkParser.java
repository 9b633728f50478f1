package dev.minstrel.ingest.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Accepts Spotify track, album, playlist and artist links and YouTube / YouTube Music videos and
 * playlists, and refuses everything else before any process runs. The result is rebuilt from the
 * parsed id alone, so nothing the user typed beyond the id ever reaches a command line.
 */
public final class LinkParser {

    private static final int MAX_LENGTH = 2048;
    private static final Pattern SPOTIFY_ID = Pattern.compile("[A-Za-z0-9]{22}");
    private static final Pattern SPOTIFY_URI = Pattern.compile("spotify:(track|album|playlist|artist):([A-Za-z0-9]{22})");
    private static final Pattern SPOTIFY_PATH = Pattern.compile("/(?:intl-[A-Za-z_-]{2,8}/)?(track|album|playlist|artist)/([^/]+)/?");
    private static final Pattern VIDEO_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern LIST_ID = Pattern.compile("[A-Za-z0-9_-]{12,64}");
    private static final String ACCEPTED = "Paste a Spotify track, album, playlist or artist link, "
            + "or a YouTube / YouTube Music video or playlist link.";

    public Link parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidLinkException("The link is empty. " + ACCEPTED);
        }
        String text = input.strip();
        if (text.length() > MAX_LENGTH) {
            throw new InvalidLinkException("The link is longer than " + MAX_LENGTH + " characters.");
        }
        if (text.startsWith("-")) {
            throw new InvalidLinkException("A link cannot start with '-'. " + ACCEPTED);
        }
        Matcher uri = SPOTIFY_URI.matcher(text);
        if (uri.matches()) {
            return spotify(uri.group(1), uri.group(2));
        }
        URI url = toUri(text);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        return switch (host) {
            case "open.spotify.com" -> spotify(path);
            case "youtube.com", "www.youtube.com", "m.youtube.com" -> youTube(path, query(url), false);
            case "music.youtube.com" -> youTube(path, query(url), true);
            case "youtu.be" -> video(path.replaceFirst("^/", "").replaceFirst("/$", ""), false);
            default -> throw new InvalidLinkException("Links from '" + (host.isEmpty() ? text : host)
                    + "' are not supported. " + ACCEPTED);
        };
    }

    private static URI toUri(String text) {
        String withScheme = text.contains("://") ? text : "https://" + text;
        try {
            URI url = new URI(withScheme);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new InvalidLinkException("Only http(s) links are accepted. " + ACCEPTED);
            }
            if (url.getUserInfo() != null || (url.getPort() != -1 && url.getPort() != 443 && url.getPort() != 80)) {
                throw new InvalidLinkException("The link has a user name or port, which no music link has.");
            }
            return url;
        } catch (URISyntaxException e) {
            throw new InvalidLinkException("That is not a valid link. " + ACCEPTED);
        }
    }

    private static Link spotify(String path) {
        Matcher matcher = SPOTIFY_PATH.matcher(path);
        if (!matcher.matches()) {
            throw new InvalidLinkException("This Spotify link is not a track, album, playlist or artist.");
        }
        return spotify(matcher.group(1), matcher.group(2));
    }

    private static Link spotify(String kind, String id) {
        if (!SPOTIFY_ID.matcher(id).matches()) {
            throw new InvalidLinkException("The Spotify id '" + shorten(id) + "' is not valid (22 letters and digits).");
        }
        return new Link("https://open.spotify.com/" + kind + "/" + id, Link.Source.SPOTIFY,
                Link.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), id);
    }

    private static Link youTube(String path, Map<String, String> query, boolean music) {
        if (path.equals("/watch") || path.equals("/watch/")) {
            String id = query.get("v");
            if (id == null) {
                throw new InvalidLinkException("This YouTube link has no video id (v=...).");
            }
            return video(id, music);
        }
        if (path.startsWith("/shorts/")) {
            return video(path.substring("/shorts/".length()).replaceFirst("/$", ""), music);
        }
        if (path.equals("/playlist") || path.equals("/playlist/")) {
            String list = Optional.ofNullable(query.get("list"))
                    .orElseThrow(() -> new InvalidLinkException("This YouTube playlist link has no list id (list=...)."));
            if (!LIST_ID.matcher(list).matches()) {
                throw new InvalidLinkException("The YouTube playlist id '" + shorten(list) + "' is not valid.");
            }
            String host = music ? "music.youtube.com" : "www.youtube.com";
            return new Link("https://" + host + "/playlist?list=" + list,
                    music ? Link.Source.YOUTUBE_MUSIC : Link.Source.YOUTUBE, Link.Kind.PLAYLIST, list);
        }
        throw new InvalidLinkException("This YouTube link is not a video or a playlist. " + ACCEPTED);
    }

    private static Link video(String id, boolean music) {
        if (!VIDEO_ID.matcher(id).matches()) {
            throw new InvalidLinkException("The YouTube video id '" + shorten(id) + "' is not valid (11 characters).");
        }
        // music.youtube.com keeps its host: spotDL reads YouTube Music metadata from it
        return music
                ? new Link("https://music.youtube.com/watch?v=" + id, Link.Source.YOUTUBE_MUSIC, Link.Kind.TRACK, id)
                : Link.youTubeVideo(id);
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> params = new LinkedHashMap<>();
        String raw = url.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
