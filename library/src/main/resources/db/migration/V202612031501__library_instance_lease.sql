-- Work that one instance at a time does when several share the database (scanning and watching the
-- music folder): the holder renews its lease while it lives; a lease not renewed by expires_at
-- (epoch ms, UTC) is free for another instance to take.
CREATE TABLE instance_lease (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(128) NOT NULL,
    expires_at BIGINT       NOT NULL
);
