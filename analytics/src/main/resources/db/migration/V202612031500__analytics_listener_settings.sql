-- What each listener chose about their listening (see docs/listening-stats.md): whether the server
-- makes playlists from it for them (made_playlists), and what their friends may see of it
-- (friends_see: 'nothing', 'top-lists' or 'everything'). A user without a row has the defaults:
-- playlists made, friends see nothing.
CREATE TABLE listener_settings (
    user_id        VARCHAR(64) NOT NULL PRIMARY KEY,
    made_playlists BOOLEAN     NOT NULL,
    friends_see    VARCHAR(16) NOT NULL
);
