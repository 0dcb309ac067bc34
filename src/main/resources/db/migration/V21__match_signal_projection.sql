-- Meetings held and deals closed at events feed the matching track record: the outbox relay projects each signal
-- into the graph once and marks it here.
ALTER TABLE match_signal ADD COLUMN projected_at TIMESTAMPTZ;
CREATE INDEX match_signal_unprojected ON match_signal (created_at) WHERE projected_at IS NULL;
