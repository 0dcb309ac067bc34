-- Import jobs: one row per upload, with per-file counts and per-row errors, so a clerk can read back what landed.
CREATE TABLE import_job (
    id           UUID PRIMARY KEY,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    source       VARCHAR(32)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ,
    failure      TEXT,
    files        TEXT         NOT NULL DEFAULT '[]',
    errors       TEXT         NOT NULL DEFAULT '[]',
    duplicates   TEXT         NOT NULL DEFAULT '[]',
    error_count  INTEGER      NOT NULL DEFAULT 0
);
CREATE INDEX import_job_created ON import_job (created_at DESC);
