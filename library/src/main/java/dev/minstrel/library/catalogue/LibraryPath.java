package dev.minstrel.library.catalogue;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for where a track belongs in a music folder: {@code Album Artist/Album/NN - Title.ext}
 * ({@code Album Artist/Album/DD-NN - Title.ext} from the second disc on), each name made safe on every common filesystem (ext4, exFAT, NTFS, SMB shares). Ingest files
 * downloads there; the Subsonic API reports it as a track's {@code path}, which clients name their
 * cached copies after (the real path never leaves the server).
 */
public final class LibraryPath {

    /** Longer names are cut: some filesystems allow 255 bytes, and a name is up to four bytes a character. */
    private static final int MAX_NAME = 120;
    /** What Windows, exFAT or SMB refuse in a name, and control characters. */
    private static final Pattern UNSAFE = Pattern.compile("[\\\\/:*?\"<>|\\p{Cntrl}]");
    /** Unix hides a name that starts with a dot, and ".." is no name at all. */
    private static final Pattern LEADING_DOTS = Pattern.compile("^\\.+");
    /** Windows drops trailing dots and spaces, so two names could become one. */
    private static final Pattern TRAILING_DOTS_AND_SPACES = Pattern.compile("[. ]+$");

    private LibraryPath() {
    }

    /**
     * {@code Album Artist/Album/NN - Title.ext} with '/' between the names; no number when {@code trackNumber} is
     * null. From the second disc on the disc leads the number ({@code 02-01 - Title.ext}): the first song of
     * each disc often shares its number and title with another's (an intro, a reprise), and two tracks at one
     * path would be one file to a client that caches by path. The first disc keeps the short name, so a
     * single-disc album reads as it always did.
     */
    public static String of(String albumArtist, String album, Integer discNumber, Integer trackNumber, String title,
                            String extension) {
        String disc = discNumber == null || discNumber < 2 || trackNumber == null ? ""
                : String.format(Locale.ROOT, "%02d-", discNumber);
        String number = trackNumber == null ? "" : disc + String.format(Locale.ROOT, "%02d - ", trackNumber);
        return safe(albumArtist) + "/" + safe(album) + "/" + safe(number + title) + "." + extension.toLowerCase(Locale.ROOT);
    }

    /** A name every common filesystem accepts; "Unknown" for a blank one. */
    public static String safe(String name) {
        String cleaned = UNSAFE.matcher(name == null ? "" : name).replaceAll("_").strip();
        if (cleaned.startsWith(".")) {
            cleaned = LEADING_DOTS.matcher(cleaned).replaceFirst("_");
        }
        if (cleaned.endsWith(".") || cleaned.endsWith(" ")) {
            cleaned = TRAILING_DOTS_AND_SPACES.matcher(cleaned).replaceFirst("");
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_NAME) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_NAME)).strip();
        }
        return cleaned.isEmpty() ? "Unknown" : cleaned;
    }
}
