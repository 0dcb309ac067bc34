-- 一企一册: the bureau's cultivation file per firm, with its 服务专员, visits and notes, and the improvement plan.
CREATE TABLE cultivation_file (
    credit_code      VARCHAR(18)  PRIMARY KEY,
    region_code      VARCHAR(12)  NOT NULL,           -- the firm's region when the file was opened (whose bureau keeps it)
    officer_name     VARCHAR(100),
    officer_contact  VARCHAR(200),
    target_tier      VARCHAR(16)  CHECK (target_tier IN ('INNOVATIVE', 'SPECIALIZED', 'LITTLE_GIANT', 'CHAMPION')),
    created_by       VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX cultivation_file_region ON cultivation_file (region_code);

CREATE TABLE cultivation_visit (
    id           UUID          PRIMARY KEY,
    credit_code  VARCHAR(18)   NOT NULL REFERENCES cultivation_file (credit_code) ON DELETE CASCADE,
    visited_on   DATE          NOT NULL,
    kind         VARCHAR(8)    NOT NULL CHECK (kind IN ('VISIT', 'CALL', 'NOTE')),
    officer      VARCHAR(100),
    note         VARCHAR(4000) NOT NULL,
    created_by   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX cultivation_visit_file ON cultivation_visit (credit_code, visited_on);

CREATE TABLE cultivation_plan_item (
    id              UUID          PRIMARY KEY,
    credit_code     VARCHAR(18)   NOT NULL REFERENCES cultivation_file (credit_code) ON DELETE CASCADE,
    title           VARCHAR(300)  NOT NULL,
    indicator_code  VARCHAR(64),                       -- the readiness gap it addresses, e.g. rdSpendWan
    due_on          DATE,
    status          VARCHAR(12)   NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    note            VARCHAR(4000),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX cultivation_plan_item_file ON cultivation_plan_item (credit_code, due_on);
