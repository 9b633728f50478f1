-- Accounts. A password is kept twice, never in plain text: as a PBKDF2 hash for web logins and
-- encrypted with AES-GCM (key outside the database) because Subsonic token auth needs it back.
CREATE TABLE account (
    id                VARCHAR(32)  NOT NULL PRIMARY KEY,
    username          VARCHAR(64)  NOT NULL,
    username_key      VARCHAR(64)  NOT NULL UNIQUE,
    password_hash     VARCHAR(255) NOT NULL,
    password_sealed   VARCHAR(512) NOT NULL,
    role              VARCHAR(16)  NOT NULL,
    can_download      BOOLEAN      NOT NULL,
    can_ingest        BOOLEAN      NOT NULL,
    enabled           BOOLEAN      NOT NULL,
    created_at        BIGINT       NOT NULL
);
