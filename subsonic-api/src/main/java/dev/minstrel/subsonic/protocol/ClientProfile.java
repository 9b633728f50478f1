package dev.minstrel.subsonic.protocol;

/**
 * How much of the response model a client gets, chosen from its {@code c} name. LEGACY drops the
 * OpenSubsonic additions that confuse old clients (DSub); MINIMAL keeps only what a small-memory
 * client needs to browse and play (SubMusic on Garmin watches).
 */
public enum ClientProfile {
    FULL, LEGACY, MINIMAL;

    public boolean openSubsonic() {
        return this == FULL;
    }
}
