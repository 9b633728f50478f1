package dev.minstrel.subsonic.transcode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What Minstrel transcodes into: formats a plain HTTP stream can carry as it is produced (no
 * index written at the end of the file), each with the ffmpeg encoder Debian's ffmpeg ships.
 *
 * @param suffix      the name clients ask for in {@code format} and see as {@code transcodedSuffix}
 * @param container   ffmpeg's muxer, and the container named in transcode decisions
 * @param codec       the codec named in transcode decisions
 * @param contentType the response's Content-Type
 */
public enum AudioFormat {
    /** Constant bit rate, so that a length estimate is close and every player can seek in it. */
    MP3("mp3", "mp3", "mp3", "audio/mpeg", 32, 320, List.of("-c:a", "libmp3lame")),
    /** Opus in Ogg: the best quality per bit, the choice for lossless sources on a slow link. */
    OPUS("opus", "ogg", "opus", "audio/ogg", 16, 256, List.of("-c:a", "libopus", "-vbr", "constrained")),
    /** AAC in ADTS frames, which need no seekable output; for players without Opus (older iOS apps). */
    AAC("aac", "adts", "aac", "audio/aac", 32, 320, List.of("-c:a", "aac"));

    private final String suffix;
    private final String container;
    private final String codec;
    private final String contentType;
    private final int minBitRate;
    private final int maxBitRate;
    private final List<String> encoder;

    AudioFormat(String suffix, String container, String codec, String contentType, int minBitRate, int maxBitRate,
                List<String> encoder) {
        this.suffix = suffix;
        this.container = container;
        this.codec = codec;
        this.contentType = contentType;
        this.minBitRate = minBitRate;
        this.maxBitRate = maxBitRate;
        this.encoder = encoder;
    }

    public String suffix() {
        return suffix;
    }

    public String container() {
        return container;
    }

    public String codec() {
        return codec;
    }

    public String contentType() {
        return contentType;
    }

    /** ffmpeg's arguments choosing this format's encoder and muxer. */
    List<String> encoderArguments() {
        return encoder;
    }

    /** A bit rate (kbit/s) this format's encoder accepts: the nearest within its range. */
    public int clampBitRate(int kbps) {
        return Math.max(minBitRate, Math.min(maxBitRate, kbps));
    }

    /**
     * The format a client names by suffix ({@code mp3}, {@code opus}, {@code aac}) or, in a transcode
     * decision, by codec or container ({@code ogg}, {@code m4a} and {@code mp4} are not offered:
     * an MP4 file must be finished before it can be played).
     */
    public static Optional<AudioFormat> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lowered = name.strip().toLowerCase(Locale.ROOT);
        for (AudioFormat format : values()) {
            if (format.suffix.equals(lowered) || format.container.equals(lowered) || format.codec.equals(lowered)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
