package dev.minstrel.library.catalogue;

import java.util.List;

/**
 * A directory of the music folder, for the file-system browse mode (getIndexes/getMusicDirectory).
 * The root folder has a null {@code parentId} and an empty {@code path}.
 *
 * @param path           relative to the music folder; for the server's own use only
 * @param coverImagePath a cover.*, folder.* or front.* image in this folder, relative to the
 *                       music folder, or null
 * @param coverArtId     the id to ask cover art for: the folder's own when it has an image, else
 *                       that of a track in it with embedded art, else null; versioned
 *                       ({@link Ids#coverArtId})
 */
public record Folder(
        String id,
        String parentId,
        String name,
        String path,
        List<String> childFolderIds,
        List<String> trackIds,
        String coverImagePath,
        String coverArtId) {

    public boolean isRoot() {
        return parentId == null;
    }
}
