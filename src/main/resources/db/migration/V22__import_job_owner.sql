-- Who submitted an import and the region it was limited to (a bureau clerk's), so only they, their bureau and ADMIN
-- read the job back. Jobs from before this change (the seed, the command line) have neither: ADMIN only.
ALTER TABLE import_job ADD COLUMN owner VARCHAR(100);
ALTER TABLE import_job ADD COLUMN region_code VARCHAR(6);
