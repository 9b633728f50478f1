-- Web sessions: the session cookie's JWT names one row; deleting the row ends the session at once
-- (logout, password change, a disabled or deleted user).
CREATE TABLE account_session (
    id          VARCHAR(32) NOT NULL PRIMARY KEY,
    account_id  VARCHAR(32) NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    created_at  BIGINT      NOT NULL,
    expires_at  BIGINT      NOT NULL
);
CREATE INDEX account_session_account ON account_session (account_id);

-- OpenSubsonic API keys, kept only as SHA-256 hashes: the key itself is shown once, at creation.
CREATE TABLE api_key (
    id           VARCHAR(32)  NOT NULL PRIMARY KEY,
    account_id   VARCHAR(32)  NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         VARCHAR(100) NOT NULL,
    key_hash     VARCHAR(64)  NOT NULL UNIQUE,
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT
);
CREATE INDEX api_key_account ON api_key (account_id);

-- Invite codes made by the owner. A code stays listed after it is used up or revoked, with who
-- used it, so the owner can see how each friend got in.
CREATE TABLE invite (
    code          VARCHAR(32)  NOT NULL PRIMARY KEY,
    role          VARCHAR(16)  NOT NULL,
    can_download  BOOLEAN      NOT NULL,
    can_ingest    BOOLEAN      NOT NULL,
    note          VARCHAR(200),
    max_uses      INTEGER      NOT NULL,
    uses          INTEGER      NOT NULL,
    expires_at    BIGINT       NOT NULL,
    revoked       BOOLEAN      NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    created_at    BIGINT       NOT NULL
);

CREATE TABLE invite_use (
    invite_code  VARCHAR(32) NOT NULL REFERENCES invite (code) ON DELETE CASCADE,
    username     VARCHAR(64) NOT NULL,
    used_at      BIGINT      NOT NULL
);
CREATE INDEX invite_use_code ON invite_use (invite_code);
