package dev.minstrel.ingest.job;

/**
 * One track of a job. Title, artist and album are known once the downloader names the song.
 *
 * @param position        0-based place in the job, stable for the job's life
 * @param trackId         the Subsonic song id once the track is in the library
 * @param error           the downloader's reason in plain words, when it failed (kept while a failed item
 *                        waits for its automatic retry, so the job says why it waits)
 * @param alreadyInLibrary the song was in the library already, so nothing was downloaded or landed for it;
 *                        {@code trackId} is the existing track
 */
public record JobItem(int position, ItemState state, int percent, String title, String artist, String album,
                      String trackId, String error, boolean alreadyInLibrary) {

    /** What an item (and a friend's request) says of a song the library has already. */
    public static final String IN_LIBRARY = "This song is in the library already.";

    public static JobItem waiting(int position) {
        return new JobItem(position, ItemState.QUEUED, 0, null, null, null, null, null, false);
    }

    public JobItem named(String title, String artist, String album) {
        return new JobItem(position, state, percent, title, artist != null ? artist : this.artist,
                album != null ? album : this.album, trackId, error, alreadyInLibrary);
    }

    public JobItem progress(ItemState state, int percent) {
        return new JobItem(position, state, Math.max(this.percent, percent), title, artist, album, trackId,
                state == ItemState.RUNNING ? null : error, alreadyInLibrary);
    }

    public JobItem succeeded(String trackId) {
        return new JobItem(position, ItemState.SUCCEEDED, 100, title, artist, album, trackId, null, false);
    }

    /** Done without a download: the library has the song as {@code trackId}. */
    public JobItem inLibrary(String trackId) {
        return new JobItem(position, ItemState.SUCCEEDED, 100, title, artist, album, trackId, null, true);
    }

    public JobItem failed(String error) {
        return new JobItem(position, ItemState.FAILED, percent, title, artist, album, null, error, false);
    }

    public JobItem cancelled() {
        return new JobItem(position, ItemState.CANCELLED, percent, title, artist, album, trackId, null, alreadyInLibrary);
    }

    /** Waiting for an automatic retry; the last failure stays as the reason. */
    public JobItem requeued() {
        return new JobItem(position, ItemState.QUEUED, 0, title, artist, album, null, error, false);
    }
}
