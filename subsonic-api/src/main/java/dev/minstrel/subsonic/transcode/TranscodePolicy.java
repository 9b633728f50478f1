package dev.minstrel.subsonic.transcode;

import dev.minstrel.library.catalogue.Track;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a {@code stream} request gets the original file or a transcode, and which.
 * The original goes out whenever it already fits: {@code format=raw}, no limit asked for, or a
 * source at or below the maximum bit rate in the format asked for (or in any format when none
 * was named). Re-encoding a file that fits only loses quality and costs the Pi a core.
 */
public final class TranscodePolicy {

    private static final Set<String> LOSSLESS = Set.of("flac", "wav", "aif", "aiff", "ape", "wv", "alac", "dsf");

    private final TranscodeSettings settings;

    public TranscodePolicy(TranscodeSettings settings) {
        this.settings = settings;
    }

    /**
     * @param formatName    the {@code format} parameter, or null; {@code raw} and formats Minstrel
     *                      cannot produce mean the original
     * @param maxBitRate    the {@code maxBitRate} parameter in kbit/s; 0 means no limit
     * @param offsetSeconds the {@code timeOffset} parameter
     * @return the transcode to run, or empty to serve the original
     */
    public Optional<Transcode> plan(Track track, String formatName, int maxBitRate, int offsetSeconds) {
        String name = formatName == null ? "" : formatName.strip().toLowerCase(Locale.ROOT);
        if (name.equals("raw")) {
            return Optional.empty();
        }
        Optional<AudioFormat> named = AudioFormat.named(name);
        boolean fitsRate = maxBitRate <= 0 || track.bitRate() > 0 && track.bitRate() <= maxBitRate;
        if (named.isEmpty()) {
            if (fitsRate) {
                return Optional.empty();
            }
            return Optional.of(new Transcode(track, sameOrFallback(track),
                    sameOrFallback(track).clampBitRate(maxBitRate), offsetSeconds));
        }
        AudioFormat format = named.get();
        if (isAlready(track, format) && fitsRate) {
            return Optional.empty();
        }
        int rate = maxBitRate > 0 ? maxBitRate : settings.defaultBitRate();
        if (!isLossless(track) && track.bitRate() > 0) {
            // more bits than a lossy source has only cost bandwidth
            rate = Math.min(rate, track.bitRate());
        }
        return Optional.of(new Transcode(track, format, format.clampBitRate(rate), offsetSeconds));
    }

    /** MP3 stays MP3 (every player plays it); anything else becomes the configured lossy format. */
    private AudioFormat sameOrFallback(Track track) {
        return AudioFormat.named(track.suffix()).filter(f -> f == AudioFormat.MP3).orElse(settings.lossyFallback());
    }

    static boolean isLossless(Track track) {
        String suffix = track.suffix() == null ? "" : track.suffix().toLowerCase(Locale.ROOT);
        return LOSSLESS.contains(suffix);
    }

    /** Whether the track's file is already in this format, so that it can be sent as it is. */
    static boolean isAlready(Track track, AudioFormat format) {
        String suffix = track.suffix() == null ? "" : track.suffix().toLowerCase(Locale.ROOT);
        return switch (format) {
            case MP3 -> suffix.equals("mp3");
            case OPUS -> suffix.equals("opus");
            case AAC -> suffix.equals("aac") || suffix.equals("m4a");
        };
    }
}
