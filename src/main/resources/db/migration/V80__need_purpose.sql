-- Why a SUPPLY need was posted (chain resilience, issue 16): SECOND_SOURCE seeks a source beside the one the poster
-- depends on; NULL = not said, decided when matching (SECOND_SOURCE while the poster's supply is single-source).
ALTER TABLE need ADD COLUMN purpose VARCHAR(16) CHECK (purpose IS NULL OR purpose IN ('GENERAL', 'SECOND_SOURCE'));
