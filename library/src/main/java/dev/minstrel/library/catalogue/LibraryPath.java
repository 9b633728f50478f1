package dev.minstrel.library.catalogue;

import java.util.Locale;

/**
 * The one rule for where a track belongs in a music folder: {@code Album Artist/Album/NN - Title.ext},
 * each name made safe on every common filesystem (ext4, exFAT, NTFS, SMB shares). Ingest files
 * downloads there; the Subsonic API reports it as a track's {@code path}, which clients name their
 * cached copies after (the real path never leaves the server).
 */
public final class LibraryPath {

    /** Longer names are cut: some filesystems allow 255 bytes, and a name is up to four bytes a character. */
    private static final int MAX_NAME = 120;

    private LibraryPath() {
    }

    /** {@code Album Artist/Album/NN - Title.ext} with '/' between the names; no number when {@code trackNumber} is null. */
    public static String of(String albumArtist, String album, Integer trackNumber, String title, String extension) {
        String number = trackNumber == null ? "" : String.format(Locale.ROOT, "%02d - ", trackNumber);
        return safe(albumArtist) + "/" + safe(album) + "/" + safe(number + title) + "." + extension.toLowerCase(Locale.ROOT);
    }

    /** A name every common filesystem accepts; "Unknown" for a blank one. */
    public static String safe(String name) {
        String cleaned = (name == null ? "" : name).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        cleaned = cleaned.replaceAll("^\\.+", "_").replaceAll("[. ]+$", "");
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_NAME) {
            cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_NAME)).strip();
        }
        return cleaned.isEmpty() ? "Unknown" : cleaned;
    }
}
