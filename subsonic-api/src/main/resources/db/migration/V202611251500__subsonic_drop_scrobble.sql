-- Scrobbles now become listens in the analytics module (table listen), which also answers play
-- counts and now playing; nothing reads the raw scrobble log any more.
DROP TABLE scrobble;
