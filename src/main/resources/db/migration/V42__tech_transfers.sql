-- 技术转移项目: an institution's achievement transferred, licensed or contributed as equity to a firm, recorded by
-- either party or the bureau. The dashboard counts them for the receiving firm's region, by signing date, against
-- the plan's TECH_TRANSFERS target. The achievement, institution and firm are graph keys, checked when recorded.
CREATE TABLE tech_transfer (
    id              UUID           PRIMARY KEY,
    achievement_id  VARCHAR(64)    NOT NULL,
    institution_id  VARCHAR(64)    NOT NULL,          -- the achievement's owner when recorded
    credit_code     VARCHAR(18)    NOT NULL,          -- the receiving firm
    mode            VARCHAR(8)     NOT NULL CHECK (mode IN ('TRANSFER', 'LICENSE', 'EQUITY')),
    signed_on       DATE           NOT NULL,
    amount_wan      NUMERIC(14, 2) CHECK (amount_wan IS NULL OR amount_wan >= 0),
    need_id         VARCHAR(64)    REFERENCES need (id),  -- the firm's TECH need it answers, when it came through Duijie
    note            VARCHAR(2000),
    recorded_by     VARCHAR(64)    NOT NULL,
    recorded_for    VARCHAR(90)    NOT NULL,          -- the party the recorder acted for, e.g. INSTITUTION:NJU
    recorded_at     TIMESTAMPTZ    NOT NULL DEFAULT now(),
    CONSTRAINT tech_transfer_once UNIQUE (achievement_id, credit_code, mode)
);
CREATE INDEX tech_transfer_firm ON tech_transfer (credit_code, signed_on);
CREATE INDEX tech_transfer_institution ON tech_transfer (institution_id);
