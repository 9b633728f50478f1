package dev.minstrel.analytics.playlists;

import java.time.Instant;
import java.util.List;

/**
 * A playlist the server makes from listening, read-only to everyone.
 *
 * @param id       {@code mp-} and the kind: the same for every user, each seeing their own
 * @param circle   made from the listening of everyone who shares it, rather than the user's own
 * @param created  when this server first made it since it started
 * @param changed  when its songs last changed
 * @param trackIds its songs in order, all in the library when it was made
 */
public record MadePlaylist(String id, String name, String comment, boolean circle, Instant created, Instant changed,
                           List<String> trackIds) {
}
