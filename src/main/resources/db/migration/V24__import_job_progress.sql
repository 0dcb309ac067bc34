-- How far a running import is, for the clerk's progress bar: the rows of all its files (counted before the first is
-- applied) and how many of them are done (rejected, unchanged or written).
ALTER TABLE import_job ADD COLUMN rows_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE import_job ADD COLUMN rows_done INTEGER NOT NULL DEFAULT 0;
