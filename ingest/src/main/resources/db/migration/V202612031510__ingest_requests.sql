-- Friends' requests for music: a link and a note, waiting for the owner (or a friend granted
-- ingest) to approve it, which starts a job, or to decline it with a reason. Times are epoch
-- milliseconds (UTC). requester_name is the name at the time of asking, shown to whoever decides.
CREATE TABLE ingest_request (
    id             VARCHAR(40)   NOT NULL PRIMARY KEY,
    requester_id   VARCHAR(64)   NOT NULL,
    requester_name VARCHAR(100)  NOT NULL,
    url            VARCHAR(2048) NOT NULL,
    identity       VARCHAR(200)  NOT NULL,
    note           VARCHAR(1000),
    state          VARCHAR(16)   NOT NULL,
    created_at     BIGINT        NOT NULL,
    decided_at     BIGINT,
    decided_by     VARCHAR(64),
    reason         VARCHAR(1000),
    job_id         VARCHAR(40)
);
CREATE INDEX ingest_request_requester ON ingest_request (requester_id, state);
CREATE INDEX ingest_request_created ON ingest_request (created_at);
