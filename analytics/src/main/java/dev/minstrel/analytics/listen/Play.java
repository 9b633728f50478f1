package dev.minstrel.analytics.listen;

import java.time.Instant;

/**
 * A play as the Subsonic API reports it (playCount, played, frequent and recent): every listen,
 * and every submission the listening rules did not count (see {@link ListenRecorder}).
 */
public record Play(String userId, String trackId, String albumId, Instant startedAt) {

    static Play of(Listen listen) {
        return new Play(listen.userId(), listen.trackId(), listen.albumId(), listen.startedAt());
    }
}
