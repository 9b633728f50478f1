package dev.minstrel.library.cover;

import java.nio.file.Path;

/**
 * An image file ready to serve (an original or a cached thumbnail), its media type, and when the
 * art it shows last changed (epoch ms): the time of the source file, for HTTP validators. The
 * cached file's own time cannot serve, because the cache moves it forward on every use.
 */
public record CoverArt(Path file, String contentType, long modified) {
}
