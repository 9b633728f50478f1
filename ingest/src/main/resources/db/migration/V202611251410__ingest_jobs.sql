-- Ingest jobs and their per-track items. Times are epoch milliseconds (UTC).
-- A worker owns a running job through its lease; a lease that is not renewed runs out, and the
-- job goes back to the queue (crash, kill -9, lost Redis consumer).
CREATE TABLE ingest_job (
    id           VARCHAR(40)   NOT NULL PRIMARY KEY,
    url          VARCHAR(2048) NOT NULL,
    identity     VARCHAR(200)  NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    state        VARCHAR(16)   NOT NULL,
    owner_id     VARCHAR(64)   NOT NULL,
    created_at   BIGINT        NOT NULL,
    updated_at   BIGINT        NOT NULL,
    attempts     INTEGER       NOT NULL,
    not_before   BIGINT        NOT NULL,
    lease_owner  VARCHAR(100),
    lease_until  BIGINT
);
CREATE INDEX ingest_job_runnable ON ingest_job (state, not_before);
CREATE INDEX ingest_job_identity ON ingest_job (identity);
CREATE INDEX ingest_job_created ON ingest_job (created_at);

CREATE TABLE ingest_item (
    job_id     VARCHAR(40)   NOT NULL,
    position   INTEGER       NOT NULL,
    state      VARCHAR(16)   NOT NULL,
    percent    INTEGER       NOT NULL,
    title      VARCHAR(500),
    artist     VARCHAR(500),
    album      VARCHAR(500),
    track_id   VARCHAR(64),
    error      VARCHAR(2000),
    PRIMARY KEY (job_id, position)
);
