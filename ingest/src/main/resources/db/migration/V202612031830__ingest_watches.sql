-- Watched playlists: a Spotify or YouTube playlist re-read on a schedule, its new tracks downloaded
-- by ordinary ingest jobs and the whole mirrored, in the source's order, as a read-only playlist.
-- Times are epoch milliseconds (UTC). While a sync runs, sync_started_at is set; job_id is its job in
-- flight (at most one at a time, so a watch never floods the queue). failures counts syncs failed in
-- a row; the next check waits the interval doubled that many times (capped).
CREATE TABLE ingest_watch (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    url             VARCHAR(2048) NOT NULL,
    identity        VARCHAR(200)  NOT NULL,
    owner_id        VARCHAR(64)   NOT NULL,
    name            VARCHAR(500)  NOT NULL,
    playlist_id     VARCHAR(40),
    created_at      BIGINT        NOT NULL,
    last_checked_at BIGINT,
    next_check_at   BIGINT        NOT NULL,
    failures        INTEGER       NOT NULL,
    last_error      VARCHAR(2000),
    track_count     INTEGER       NOT NULL,
    sync_started_at BIGINT,
    job_id          VARCHAR(40),
    sync_fetched    INTEGER       NOT NULL,
    sync_error      VARCHAR(2000),
    CONSTRAINT ingest_watch_identity UNIQUE (identity)
);
CREATE INDEX ingest_watch_due ON ingest_watch (next_check_at);

-- The playlist's entries as last read, in its order: each track's link, whether this sync already
-- tried to download it, and the library track a download of it gave (when its source tag differs).
CREATE TABLE ingest_watch_entry (
    watch_id  VARCHAR(40)   NOT NULL,
    position  INTEGER       NOT NULL,
    url       VARCHAR(2048) NOT NULL,
    attempted BOOLEAN       NOT NULL,
    track_id  VARCHAR(64),
    PRIMARY KEY (watch_id, position)
);
