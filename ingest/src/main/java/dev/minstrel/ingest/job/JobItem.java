package dev.minstrel.ingest.job;

/**
 * One track of a job. Title, artist and album are known once the downloader names the song.
 *
 * @param position 0-based place in the job, stable for the job's life
 * @param trackId  the Subsonic song id once the track is in the library
 * @param error    the downloader's reason in plain words, when it failed (kept while a failed item waits
 *                 for its automatic retry, so the job says why it waits)
 */
public record JobItem(int position, ItemState state, int percent, String title, String artist, String album,
                      String trackId, String error) {

    public static JobItem waiting(int position) {
        return new JobItem(position, ItemState.QUEUED, 0, null, null, null, null, null);
    }

    public JobItem named(String title, String artist, String album) {
        return new JobItem(position, state, percent, title, artist != null ? artist : this.artist,
                album != null ? album : this.album, trackId, error);
    }

    public JobItem progress(ItemState state, int percent) {
        return new JobItem(position, state, Math.max(this.percent, percent), title, artist, album, trackId,
                state == ItemState.RUNNING ? null : error);
    }

    public JobItem succeeded(String trackId) {
        return new JobItem(position, ItemState.SUCCEEDED, 100, title, artist, album, trackId, null);
    }

    public JobItem failed(String error) {
        return new JobItem(position, ItemState.FAILED, percent, title, artist, album, null, error);
    }

    public JobItem cancelled() {
        return new JobItem(position, ItemState.CANCELLED, percent, title, artist, album, trackId, null);
    }

    /** Waiting for an automatic retry; the last failure stays as the reason. */
    public JobItem requeued() {
        return new JobItem(position, ItemState.QUEUED, 0, title, artist, album, null, error);
    }
}
