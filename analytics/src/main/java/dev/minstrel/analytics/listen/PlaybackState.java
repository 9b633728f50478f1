package dev.minstrel.analytics.listen;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The playback states OpenSubsonic's {@code reportPlayback} reports. */
public enum PlaybackState {
    STARTING, PLAYING, PAUSED, STOPPED;

    public static Optional<PlaybackState> of(String parameter) {
        return Arrays.stream(values()).filter(s -> s.name().toLowerCase(Locale.ROOT).equals(parameter)).findFirst();
    }
}
