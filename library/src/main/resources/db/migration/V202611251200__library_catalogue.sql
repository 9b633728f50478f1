-- The library's catalogue: one row per audio file, plus its credits and genres in child tables so
-- other modules can join on track.id, track.album_id, track.artist_id, track_artist.artist_id and
-- track_genre.name. Other modules must not declare foreign keys to these tables: a rescan deletes
-- the rows of files that are gone. Times are epoch milliseconds (UTC).
CREATE TABLE track (
    id                  VARCHAR(40)   NOT NULL PRIMARY KEY,
    path                VARCHAR(2048) NOT NULL UNIQUE,
    file_size           BIGINT        NOT NULL,
    file_mtime          BIGINT        NOT NULL,
    created_at          BIGINT        NOT NULL,
    title               VARCHAR(1024) NOT NULL,
    album               VARCHAR(1024) NOT NULL,
    album_id            VARCHAR(40)   NOT NULL,
    artist              VARCHAR(1024) NOT NULL,
    artist_id           VARCHAR(40)   NOT NULL,
    album_artist        VARCHAR(1024) NOT NULL,
    album_artist_id     VARCHAR(40)   NOT NULL,
    track_number        INTEGER,
    disc_number         INTEGER,
    track_year          INTEGER,
    duration_seconds    INTEGER       NOT NULL,
    bit_rate            INTEGER       NOT NULL,
    sample_rate         INTEGER       NOT NULL,
    channels            INTEGER       NOT NULL,
    bit_depth           INTEGER,
    suffix              VARCHAR(16)   NOT NULL,
    content_type        VARCHAR(64)   NOT NULL,
    compilation         BOOLEAN       NOT NULL,
    sort_title          VARCHAR(1024),
    sort_artist         VARCHAR(1024),
    sort_album          VARCHAR(1024),
    sort_album_artist   VARCHAR(1024),
    mbz_track_id        VARCHAR(64),
    mbz_album_id        VARCHAR(64),
    mbz_artist_id       VARCHAR(64),
    mbz_album_artist_id VARCHAR(64),
    rg_track_gain       DOUBLE PRECISION,
    rg_track_peak       DOUBLE PRECISION,
    rg_album_gain       DOUBLE PRECISION,
    rg_album_peak       DOUBLE PRECISION,
    has_lyrics          BOOLEAN       NOT NULL,
    has_cover           BOOLEAN       NOT NULL,
    comment_text        VARCHAR(4096),
    bpm                 INTEGER,
    source_url          VARCHAR(2048)
);
CREATE INDEX track_album_id_idx ON track (album_id);
CREATE INDEX track_artist_id_idx ON track (artist_id);

-- role is 'artist' (track credits) or 'album_artist'; ordinal keeps the tag's order
CREATE TABLE track_artist (
    track_id  VARCHAR(40)   NOT NULL,
    role      VARCHAR(16)   NOT NULL,
    ordinal   INTEGER       NOT NULL,
    artist_id VARCHAR(40)   NOT NULL,
    name      VARCHAR(1024) NOT NULL,
    PRIMARY KEY (track_id, role, ordinal)
);
CREATE INDEX track_artist_artist_id_idx ON track_artist (artist_id);

CREATE TABLE track_genre (
    track_id VARCHAR(40)  NOT NULL,
    ordinal  INTEGER      NOT NULL,
    name     VARCHAR(255) NOT NULL,
    PRIMARY KEY (track_id, ordinal)
);
CREATE INDEX track_genre_name_idx ON track_genre (name);

-- the cover.*/folder.*/front.* image of a folder, both paths relative to the music folder
CREATE TABLE folder_image (
    folder_path VARCHAR(2048) NOT NULL PRIMARY KEY,
    image_path  VARCHAR(2048) NOT NULL
);

-- files the last scan could not read; size and mtime let an incremental scan leave them alone
CREATE TABLE scan_skip (
    path       VARCHAR(2048) NOT NULL PRIMARY KEY,
    file_size  BIGINT        NOT NULL,
    file_mtime BIGINT        NOT NULL,
    reason     VARCHAR(1024) NOT NULL,
    seen_at    BIGINT        NOT NULL
);

-- 'last_modified' (when the catalogue last changed), 'last_scan' (when a scan last finished)
CREATE TABLE library_state (
    state_key   VARCHAR(64) NOT NULL PRIMARY KEY,
    state_value BIGINT      NOT NULL
);
