-- The recording's ISRC (ID3 TSRC, Vorbis ISRC), by which ingest recognises a song it is about to
-- download as one the library has already, whatever link or file it came from.
ALTER TABLE track ADD COLUMN isrc VARCHAR(12);
-- Files scanned before this column existed are read again by the next scan (an incremental scan
-- re-reads a file whose stored time differs from the file's), so their ISRCs are known too. Each
-- keeps its id: a file re-read at its own path is the same track.
UPDATE track SET file_mtime = -1;
