package dev.minstrel.library.cover;

import java.nio.file.Path;

/** An image file ready to serve (an original or a cached thumbnail) and its media type. */
public record CoverArt(Path file, String contentType) {
}
