package dev.minstrel.subsonic.transcode;

import dev.minstrel.library.catalogue.Track;

import java.util.Locale;

/**
 * One transcode to run: a track into a format at a bit rate, from an offset.
 *
 * @param bitRate       kbit/s, within what the format's encoder accepts
 * @param offsetSeconds where in the track the output starts ({@code timeOffset})
 */
public record Transcode(Track track, AudioFormat format, int bitRate, int offsetSeconds) {

    /** Bytes added to an estimate beyond the audio's own rate: headers, and a rate ffmpeg overshoots slightly. */
    private static final double HEADROOM = 1.03;
    private static final int HEADER_BYTES = 8 * 1024;

    public Transcode {
        if (offsetSeconds < 0) {
            throw new IllegalArgumentException("offsetSeconds must not be negative");
        }
    }

    /** Seconds of audio the output holds (the catalogue knows durations in whole seconds). */
    public int seconds() {
        return Math.max(0, track.durationSeconds() - offsetSeconds);
    }

    /**
     * A length the output will not exceed, for clients that need a Content-Length before the
     * audio exists: one second more than the duration (which is rounded) at the bit rate, plus
     * headroom. The response is padded or cut to exactly this length.
     */
    public long estimatedLength() {
        return (long) Math.ceil((seconds() + 1) * bitRate * 125L * HEADROOM) + HEADER_BYTES;
    }

    /**
     * Names the finished output in the cache: another file version (its modification time) or
     * another request gives another name. Only transcodes from the start are cached.
     */
    public String cacheKey() {
        return String.format(Locale.ROOT, "%s-%d-%d.%s", track.id().replaceAll("[^A-Za-z0-9_-]", "_"),
                track.modifiedMillis(), bitRate, format.suffix());
    }
}
