package dev.minstrel.analytics.sharing;

import java.util.Arrays;
import java.util.Optional;

/** What a listener lets their friends see of their listening; nothing until they choose otherwise. */
public enum FriendsSee {
    /** nothing at all: not even their listens in circle-wide lists */
    NOTHING("nothing"),
    /** their listens in circle-wide lists and rankings, their top lists and awards; not what they play now */
    TOP_LISTS("top-lists"),
    /** all of the above and what they are playing now */
    EVERYTHING("everything");

    private final String parameter;

    FriendsSee(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public boolean shares() {
        return this != NOTHING;
    }

    public static Optional<FriendsSee> of(String parameter) {
        return Arrays.stream(values()).filter(v -> v.parameter.equals(parameter)).findFirst();
    }
}
