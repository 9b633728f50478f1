package dev.minstrel.library.catalogue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Opaque, URL-safe ids. Albums, artists and folders get ids derived from what identifies them
 * (names, relative folder path) so they stay stable across rescans and restarts; tracks get a
 * random id on first sight that the store keeps for the file. None of them can be turned back
 * into a path.
 */
public final class Ids {

    public static final String TRACK = "tr-";
    public static final String ALBUM = "al-";
    public static final String ARTIST = "ar-";
    public static final String FOLDER = "fo-";

    /** Between an id and the version of its cover art; never part of an id (their alphabet is alphanumeric). */
    private static final char VERSION_SEPARATOR = '_';

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TRACK_ID = Pattern.compile("tr-[0-9A-Za-z]{16}");

    private Ids() {
    }

    /** The free-form tag (ID3 TXXX, Vorbis comment) a file carries its track id in. */
    public static final String TAG = "MINSTREL_ID";

    /** The text if it has the shape of a track id (as {@link #newTrackId} makes them), else null. */
    public static String trackIdOrNull(String text) {
        return text != null && TRACK_ID.matcher(text.strip()).matches() ? text.strip() : null;
    }

    public static String newTrackId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return TRACK + encode(bytes, 16);
    }

    public static String artistId(String artistName) {
        return ARTIST + digest("artist\0" + key(artistName));
    }

    public static String albumId(String albumArtist, String albumName) {
        return ALBUM + digest("album\0" + key(albumArtist) + "\0" + key(albumName));
    }

    public static String folderId(String relativePath) {
        return FOLDER + digest("folder\0" + relativePath);
    }

    /**
     * The id to hand out for an item's cover art: its id followed by {@code _} and the art's
     * modification time in hex ({@code al-Xy9..._19b0f3c2a10}), so the id changes when the art
     * does and clients, which cache images by this id, fetch it again. An unknown time (0 or
     * less) gives the plain id.
     */
    public static String coverArtId(String id, long artModifiedMillis) {
        return artModifiedMillis <= 0 ? id : id + VERSION_SEPARATOR + Long.toHexString(artModifiedMillis);
    }

    /**
     * A cover art id without the version {@link #coverArtId} adds: ids handed out before the art
     * changed, and ids from before versions existed, still name the same item.
     */
    public static String withoutVersion(String coverArtId) {
        if (coverArtId == null) {
            return null;
        }
        int separator = coverArtId.lastIndexOf(VERSION_SEPARATOR);
        if (separator <= 0 || separator == coverArtId.length() - 1 || coverArtId.length() - separator - 1 > 16) {
            return coverArtId;
        }
        for (int i = separator + 1; i < coverArtId.length(); i++) {
            if (Character.digit(coverArtId.charAt(i), 16) < 0) {
                return coverArtId;
            }
        }
        return coverArtId.substring(0, separator);
    }

    /** The form of a name used to decide that two spellings are the same artist or album. */
    public static String key(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name.strip(), Normalizer.Form.NFKC);
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return encode(hash, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static String encode(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; out.length() < length; i++) {
            out.append(ALPHABET[(bytes[i % bytes.length] & 0xFF) % ALPHABET.length]);
        }
        return out.toString();
    }
}
