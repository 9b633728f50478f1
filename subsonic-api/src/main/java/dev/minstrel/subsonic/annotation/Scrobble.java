package dev.minstrel.subsonic.annotation;

/** One scrobbled track: a finished play ({@code submission}) or a "now playing" notice. */
public record Scrobble(String trackId, long playedAt, boolean submission) {
}
