package dev.minstrel.library.tags;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The audio files Minstrel indexes (those jaudiotagger reads, plus Opus, which Minstrel reads
 * itself) and their media types, as Navidrome reports them so clients see the same values.
 */
public final class AudioFormats {

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("flac", "audio/flac"),
            Map.entry("ogg", "audio/ogg"),
            Map.entry("oga", "audio/ogg"),
            Map.entry("opus", "audio/ogg"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("m4b", "audio/mp4"),
            Map.entry("mp4", "audio/mp4"),
            Map.entry("wma", "audio/x-ms-wma"),
            Map.entry("wav", "audio/x-wav"),
            Map.entry("aif", "audio/x-aiff"),
            Map.entry("aiff", "audio/x-aiff"),
            Map.entry("aifc", "audio/x-aiff"),
            Map.entry("dsf", "audio/dsd"),
            Map.entry("dff", "audio/dsd"));

    private AudioFormats() {
    }

    /** The lower-case suffix of a file name, or "" when it has none. */
    public static String suffix(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static boolean isAudio(String fileName) {
        return CONTENT_TYPES.containsKey(suffix(fileName));
    }

    public static Optional<String> contentType(String suffix) {
        return Optional.ofNullable(CONTENT_TYPES.get(suffix.toLowerCase(Locale.ROOT)));
    }
}
