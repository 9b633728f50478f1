package dev.minstrel.library.catalogue;

/**
 * The cover.*, folder.* or front.* image of a folder.
 *
 * @param path           relative to the music folder
 * @param modifiedMillis the image file's modification time when the scan saw it (0: unknown, as
 *                       for rows stored before the time was recorded)
 */
public record FolderImage(String path, long modifiedMillis) {
}
