-- The folder image's modification time as the scan saw it (epoch ms): cover art ids carry it, so
-- they change when the image does and clients' image caches refresh. 0 = not seen yet (rows
-- written before this column; the next scan records the real time).
ALTER TABLE folder_image ADD COLUMN image_mtime BIGINT NOT NULL DEFAULT 0;
