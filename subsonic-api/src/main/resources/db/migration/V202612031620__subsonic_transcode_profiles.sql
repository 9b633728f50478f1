-- Transcoding defaults the owner sets for one user, one app (the c= name it sends), or one app of
-- one user. A stream request that names no format or bit rate takes them from the most specific
-- match. Null means "any"; at most one row per (user, app) pair, kept by the code.
CREATE TABLE subsonic_transcode_profile (
    id           VARCHAR(40)  NOT NULL PRIMARY KEY,
    user_id      VARCHAR(64),
    client       VARCHAR(255),
    format       VARCHAR(8),
    max_bit_rate INTEGER      NOT NULL,
    created      BIGINT       NOT NULL
);
