-- Listening time per local day beside the listens (minutes per day and week in the stats), filled
-- for the listens already there; and an index for the tops by time.
ALTER TABLE listen_day ADD COLUMN seconds_played BIGINT DEFAULT 0 NOT NULL;
UPDATE listen_day SET seconds_played = (SELECT COALESCE(SUM(listen.seconds_played), 0) FROM listen
    WHERE listen.user_id = listen_day.scope AND listen.local_day = listen_day.local_day)
    WHERE scope <> '*';
UPDATE listen_day SET seconds_played = (SELECT COALESCE(SUM(listen.seconds_played), 0) FROM listen
    WHERE listen.local_day = listen_day.local_day)
    WHERE scope = '*';
CREATE INDEX listen_item_time ON listen_item (scope, period, period_start, kind, seconds_played);
