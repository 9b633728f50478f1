package dev.minstrel.subsonic.model;

/** OpenSubsonic replayGain: always present on songs, its keys left out when unknown. */
public record ReplayGainView(Double trackGain, Double albumGain, Double trackPeak, Double albumPeak) {
}
