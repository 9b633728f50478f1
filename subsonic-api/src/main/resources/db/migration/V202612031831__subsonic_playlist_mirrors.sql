-- A playlist that mirrors a watched Spotify or YouTube playlist: the source's link. Such a playlist
-- follows its source and is read-only for every app (OpenSubsonic readonly, error 50 on a change)
-- until the watch is removed with the playlist kept, which clears this column.
ALTER TABLE subsonic_playlist ADD COLUMN mirrors VARCHAR(2048);
