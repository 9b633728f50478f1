package dev.minstrel.subsonic.transcode;

import java.util.Locale;

/**
 * A transcoding default the owner set: for one user ({@code userId}), one app ({@code client}, the
 * {@code c} name it sends, compared without case) or both; null means any. It fills in what a
 * {@code stream} request leaves out.
 *
 * @param format     the format to stream in, or null to keep the default choice
 * @param maxBitRate kbit/s at most, or 0 for no limit
 */
public record TranscodeProfile(String id, String userId, String client, AudioFormat format, int maxBitRate) {

    /** Whether this profile applies to the user on this client. */
    boolean appliesTo(String user, String app) {
        return (userId == null || userId.equals(user))
                && (client == null || app != null && client.toLowerCase(Locale.ROOT).equals(app.toLowerCase(Locale.ROOT)));
    }

    /** The format to stream in: the one the request named, else this profile's (null: the default choice). */
    public String formatFor(String asked) {
        return asked != null || format == null ? asked : format.suffix();
    }

    /** The bit rate limit: the lower of the request's and this profile's (0 on both sides: none). */
    public int bitRateFor(int asked) {
        if (maxBitRate <= 0) {
            return asked;
        }
        return asked <= 0 ? maxBitRate : Math.min(asked, maxBitRate);
    }

    /** Higher for a closer match: both named beats the user alone, which beats the app alone. */
    int specificity() {
        return (userId != null ? 2 : 0) + (client != null ? 1 : 0);
    }
}
