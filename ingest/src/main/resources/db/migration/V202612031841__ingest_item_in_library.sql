-- An item whose song the library had already (recognised by its Spotify track, YouTube video or
-- ISRC): nothing was downloaded for it, and its track_id is the existing track.
ALTER TABLE ingest_item ADD COLUMN in_library BOOLEAN DEFAULT FALSE NOT NULL;
