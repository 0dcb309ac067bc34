-- Needs: the system of record for what leaders and SMEs ask for. Lists are stored '|'-joined, as in graph-seed.
CREATE TABLE need (
    id                      VARCHAR(64)  PRIMARY KEY,
    kind                    VARCHAR(16)  NOT NULL CHECK (kind IN ('SUPPLY', 'TECH', 'FINANCE')),
    status                  VARCHAR(16)  NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'FULFILLED', 'WITHDRAWN', 'EXPIRED')),
    posted_by               VARCHAR(18)  NOT NULL,
    title                   VARCHAR(200) NOT NULL,
    description             TEXT,
    product_codes           TEXT         NOT NULL DEFAULT '',
    technology_codes        TEXT         NOT NULL DEFAULT '',
    quantity                BIGINT       CHECK (quantity IS NULL OR quantity >= 0),
    required_certifications TEXT         NOT NULL DEFAULT '',
    max_distance_km         DOUBLE PRECISION CHECK (max_distance_km IS NULL OR max_distance_km > 0),
    amount_wan              NUMERIC(14, 2) CHECK (amount_wan IS NULL OR amount_wan >= 0),
    stage                   VARCHAR(16),
    instrument              VARCHAR(16),
    expires_at              TIMESTAMPTZ  NOT NULL,
    created_at              TIMESTAMPTZ  NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    created_by              VARCHAR(64)  NOT NULL,
    import_hash             VARCHAR(32),
    version                 BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX need_kind_status ON need (kind, status);
CREATE INDEX need_posted_by ON need (posted_by);
CREATE INDEX need_open_expiry ON need (expires_at) WHERE status = 'OPEN';

-- Transactional outbox: written in the same transaction as the change; the relay projects it into Neo4j.
CREATE TABLE outbox (
    id              BIGSERIAL    PRIMARY KEY,
    aggregate_type  VARCHAR(32)  NOT NULL,
    aggregate_id    VARCHAR(64)  NOT NULL,
    event_type      VARCHAR(32)  NOT NULL,
    payload         TEXT         NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    processed_at    TIMESTAMPTZ,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    claimed_until   TIMESTAMPTZ,
    last_error      TEXT
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at, id) WHERE processed_at IS NULL;

-- What people did with a recommendation. DISMISS hides the candidate for that need; MET and DEAL feed ranking.
CREATE TABLE match_feedback (
    id              BIGSERIAL    PRIMARY KEY,
    need_id         VARCHAR(64)  NOT NULL REFERENCES need (id),
    candidate_type  VARCHAR(16)  NOT NULL,
    candidate_id    VARCHAR(64)  NOT NULL,
    action          VARCHAR(24)  NOT NULL CHECK (action IN ('SHORTLIST', 'DISMISS', 'CONTACT_REQUESTED', 'MET', 'DEAL')),
    actor           VARCHAR(64)  NOT NULL,
    note            TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (need_id, candidate_id, action)
);
CREATE INDEX match_feedback_need ON match_feedback (need_id, action);
