package dev.minstrel.ingest.download;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Each cause of a failed download in plain words, with what the owner can do about it. Both
 * downloaders' parsers and the runner name causes through here, so the same cause reads the same
 * whichever tool met it.
 */
public final class Causes {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String OWN_SPOTIFY_APP = "Setting your own Spotify app's client id and secret "
            + "(minstrel.ingest.spotify-client-id and spotify-client-secret, see docs/ingest.md) avoids the shared app's limits.";

    private Causes() {
    }

    /** Spotify told spotDL to wait; the job waits that long before its next run. */
    public static Failure spotifyRateLimited(Duration wait, Instant retryAt) {
        return Failure.temporary("Spotify is rate limiting spotDL and asked it to wait " + human(wait)
                + "; the job will retry after " + WHEN.format(retryAt) + ". " + OWN_SPOTIFY_APP);
    }

    /** Spotify kept answering 429 until spotDL gave up; the runner's backoff decides when to try again. */
    public static Failure spotifyRateLimited(String detail) {
        return Failure.temporary("Spotify is rate limiting spotDL (HTTP 429); the job will be retried later. "
                + OWN_SPOTIFY_APP + " spotDL: " + detail);
    }

    /** Since 2026 Spotify's personal apps need Premium and lost endpoints: reading a playlist can answer 403. */
    public static Failure spotifyRefused(String detail) {
        return Failure.permanent("Spotify refused the request (HTTP 403). Since 2026 Spotify limits personal apps "
                + "(the app's owner needs Premium, and some playlists cannot be read): set your own Spotify app's "
                + "client id and secret, or update spotDL, then retry. spotDL: " + detail);
    }

    /** YouTube's "confirm you're not a bot" page, shown to server addresses. */
    public static Failure youTubeBotCheck(String tool, String detail) {
        return Failure.temporary("YouTube asked for a bot check (\"confirm you're not a bot\"), as it does for server "
                + "addresses; the job will be retried later. If it keeps happening, update yt-dlp and try again in a few hours. "
                + tool + ": " + detail);
    }

    public static Failure noMatch(String detail) {
        return Failure.permanent("No match for this song on YouTube Music (spotDL: " + detail + ")");
    }

    /** yt-dlp needs a JavaScript runtime (Deno) for YouTube since 2025.11. */
    public static Failure javaScriptRuntimeMissing(String tool, String detail) {
        return Failure.permanent("yt-dlp found no JavaScript runtime, which it needs for YouTube since 2025.11: "
                + "install Deno ('sudo minstrel-setup downloaders', or 'pipx install deno' as the user running Minstrel) "
                + "so that it is on the server's PATH, then retry. " + tool + ": " + detail);
    }

    public static Failure diskFull(String detail) {
        return Failure.permanent("The disk is full (no space left on device): free some space in the music and data "
                + "folders, then retry. " + detail);
    }

    /** The executable exists but cannot be run (wrong permissions, a broken pipx environment). */
    public static Failure toolCannotStart(Tool tool, String detail) {
        return Failure.permanent(tool.displayName() + " could not be started (" + detail + "): reinstall it "
                + "(see docs/ingest.md), then retry.");
    }

    /** Whether a message from a tool or the file system says the disk is full. */
    public static boolean saysDiskFull(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("no space left on device") || lower.contains("errno 28") || lower.contains("disk quota exceeded");
    }

    /** Whether yt-dlp (alone, or inside spotDL) said it has no JavaScript runtime for YouTube. */
    public static boolean saysNoJavaScriptRuntime(String message) {
        return message.toLowerCase(Locale.ROOT).contains("no supported javascript runtime");
    }

    public static boolean saysBotCheck(String message) {
        return message.toLowerCase(Locale.ROOT).contains("not a bot");
    }

    private static String human(Duration wait) {
        long seconds = wait.toSeconds();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%d min", (seconds + 59) / 60);
        }
        return seconds + " s";
    }
}
