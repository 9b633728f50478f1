-- Submissions (scrobble submission=true) that the listening rules did not count as listens (sent
-- less than 30 s into the play the client was on). The Subsonic API's play counts add them to the
-- listens, since the app said the track was played; the stats leave them out. A row goes once its
-- play is counted as a listen after all (the now-playing timeline showed 30 s or more).
CREATE TABLE reported_play (
    user_id    VARCHAR(64) NOT NULL,
    track_id   VARCHAR(64) NOT NULL,
    album_id   VARCHAR(64),
    started_at BIGINT      NOT NULL,
    PRIMARY KEY (user_id, track_id, started_at)
);
