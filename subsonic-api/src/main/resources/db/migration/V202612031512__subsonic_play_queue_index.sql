-- The OpenSubsonic index-based queue (getPlayQueueByIndex) names the current entry by its place,
-- because the same song may be queued twice; savePlayQueue keeps it too. Null for queues saved
-- before, which are read by their current song's first place.
ALTER TABLE subsonic_play_queue ADD COLUMN current_index INTEGER;
