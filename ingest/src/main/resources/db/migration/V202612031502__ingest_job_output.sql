-- The downloader's last lines from a run that did not fully succeed, one per line, kept with the
-- job so the owner can read the tool's own words beside Minstrel's plain-words reason.
ALTER TABLE ingest_job ADD COLUMN tool_output VARCHAR(8000);
