package dev.minstrel.library.catalogue;

/** ReplayGain values in dB (gains) and linear scale (peaks); null when the file does not say. */
public record ReplayGain(Double trackGain, Double trackPeak, Double albumGain, Double albumPeak) {

    public static final ReplayGain NONE = new ReplayGain(null, null, null, null);

    public boolean isEmpty() {
        return trackGain == null && trackPeak == null && albumGain == null && albumPeak == null;
    }
}
