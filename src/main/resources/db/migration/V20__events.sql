-- Matchmaking fairs and roadshows (issue #6). Double bookings are impossible by construction here, not only in Java:
-- one seat row per side of a meeting, unique per (event, slot, participant); one meeting per (event, slot, table)
-- and per (event, pair).
CREATE TABLE event (
    id                UUID PRIMARY KEY,
    kind              VARCHAR(16)  NOT NULL CHECK (kind IN ('SUPPLY_FAIR', 'TECH_FAIR', 'ROADSHOW')),
    title             VARCHAR(200) NOT NULL,
    chain_id          VARCHAR(64)  NOT NULL,
    region_code       VARCHAR(12)  NOT NULL,
    event_date        DATE         NOT NULL,
    start_time        TIME         NOT NULL,
    end_time          TIME         NOT NULL,
    slot_minutes      INT          NOT NULL CHECK (slot_minutes BETWEEN 5 AND 240),
    table_count       INT          NOT NULL CHECK (table_count BETWEEN 1 AND 500),
    venue             VARCHAR(200) NOT NULL,
    created_by_type   VARCHAR(16)  NOT NULL,
    created_by_id     VARCHAR(64)  NOT NULL,
    created_by_name   VARCHAR(100),
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    schedule_version  INT          NOT NULL DEFAULT 0,
    schedule_status   VARCHAR(16)  NOT NULL DEFAULT 'NONE' CHECK (schedule_status IN ('NONE', 'DRAFT', 'PUBLISHED')),
    CHECK (end_time > start_time)
);

CREATE TABLE event_participant (
    id               UUID PRIMARY KEY,
    event_id         UUID         NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    party_type       VARCHAR(16)  NOT NULL CHECK (party_type IN ('ENTERPRISE', 'INSTITUTION', 'FUND')),
    party_key        VARCHAR(64)  NOT NULL,
    party_name       VARCHAR(200) NOT NULL,
    region_code      VARCHAR(12),
    role             VARCHAR(8)   NOT NULL CHECK (role IN ('HOST', 'GUEST')),
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('INVITED', 'REGISTERED', 'CHECKED_IN', 'NO_SHOW')),
    available_slots  VARCHAR(2000),            -- comma-separated slot indices; NULL = every slot
    max_meetings     INT          NOT NULL CHECK (max_meetings >= 0),
    min_target       INT          NOT NULL CHECK (min_target >= 0),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (event_id, party_type, party_key),
    UNIQUE (id, event_id)
);

CREATE TABLE meeting_request (
    id                 UUID PRIMARY KEY,
    event_id           UUID         NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    from_participant   UUID         NOT NULL,
    to_participant     UUID         NOT NULL,
    note               VARCHAR(1000),
    score              NUMERIC(5, 4),
    status             VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CONFIRMED')),
    mutual             BOOLEAN      NOT NULL DEFAULT FALSE,
    decided_by_type    VARCHAR(16),
    decided_by_id      VARCHAR(64),
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT now(),
    decided_at         TIMESTAMPTZ,
    CHECK (from_participant <> to_participant),
    UNIQUE (event_id, from_participant, to_participant),
    FOREIGN KEY (from_participant, event_id) REFERENCES event_participant (id, event_id),
    FOREIGN KEY (to_participant, event_id) REFERENCES event_participant (id, event_id)
);
CREATE INDEX meeting_request_sender ON meeting_request (event_id, from_participant, status);

CREATE TABLE meeting (
    id             UUID PRIMARY KEY,
    event_id       UUID        NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    participant_a  UUID        NOT NULL,
    participant_b  UUID        NOT NULL,
    slot           INT         NOT NULL CHECK (slot >= 0),
    table_no       INT         NOT NULL CHECK (table_no >= 1),
    status         VARCHAR(16) NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    pinned         BOOLEAN     NOT NULL DEFAULT FALSE,
    mutual         BOOLEAN     NOT NULL DEFAULT FALSE,
    score          NUMERIC(5, 4),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (participant_a < participant_b),
    FOREIGN KEY (participant_a, event_id) REFERENCES event_participant (id, event_id),
    FOREIGN KEY (participant_b, event_id) REFERENCES event_participant (id, event_id),
    CONSTRAINT meeting_one_per_pair UNIQUE (event_id, participant_a, participant_b),
    CONSTRAINT meeting_one_per_table_slot UNIQUE (event_id, slot, table_no),
    UNIQUE (id, event_id, slot)
);

-- One row per side of a meeting: a participant sits at most once in a slot.
CREATE TABLE meeting_seat (
    id              UUID PRIMARY KEY,
    meeting_id      UUID NOT NULL,
    event_id        UUID NOT NULL,
    slot            INT  NOT NULL,
    participant_id  UUID NOT NULL,
    FOREIGN KEY (meeting_id, event_id, slot) REFERENCES meeting (id, event_id, slot) ON DELETE CASCADE ON UPDATE CASCADE,
    FOREIGN KEY (participant_id, event_id) REFERENCES event_participant (id, event_id),
    CONSTRAINT meeting_seat_one_per_slot UNIQUE (event_id, slot, participant_id)
);

CREATE TABLE meeting_outcome (
    id               UUID PRIMARY KEY,
    event_id         UUID          NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    meeting_id       UUID          NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
    kind             VARCHAR(16)   NOT NULL CHECK (kind IN ('CHECKED_IN', 'NO_SHOW', 'INTENT', 'CONTRACT')),
    participant_id   UUID,                     -- whose check-in or no-show; NULL = the meeting as a whole
    amount_wan       NUMERIC(14, 2),
    note             VARCHAR(1000),
    reported_by_type VARCHAR(16)   NOT NULL,
    reported_by_id   VARCHAR(64)   NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CHECK (kind <> 'CONTRACT' OR amount_wan IS NOT NULL)
);
CREATE INDEX meeting_outcome_event ON meeting_outcome (event_id, kind);

-- Feedback for the matching engine: pairs that met and pairs that made a deal (party keys, ordered a < b).
CREATE TABLE match_signal (
    id               UUID PRIMARY KEY,
    party_a          VARCHAR(64)  NOT NULL,
    party_a_type     VARCHAR(16)  NOT NULL,
    party_b          VARCHAR(64)  NOT NULL,
    party_b_type     VARCHAR(16)  NOT NULL,
    kind             VARCHAR(8)   NOT NULL CHECK (kind IN ('MET', 'DEAL')),
    source_event_id  UUID         NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (party_a, party_b, kind, source_event_id)
);
CREATE INDEX match_signal_party_a ON match_signal (party_a);
CREATE INDEX match_signal_party_b ON match_signal (party_b);
