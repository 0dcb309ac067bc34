-- Accounts: who may log in, which role they have and which graph party they act for.
-- username is stored lower-case; password_hash is a BCrypt modular-crypt string (Quarkus Elytron BcryptUtil).
CREATE TABLE account (
    username             VARCHAR(64)  PRIMARY KEY CHECK (username = lower(username)),
    password_hash        VARCHAR(100),
    display_name         VARCHAR(100) NOT NULL,
    role                 VARCHAR(16)  NOT NULL CHECK (role IN ('ENTERPRISE', 'INSTITUTION', 'INVESTOR', 'BUREAU', 'ADMIN')),
    party_key            VARCHAR(64),
    region_code          VARCHAR(12),
    department           VARCHAR(16)  CHECK (department IS NULL OR department IN ('工信局', '科技局', '金融监管局')),
    status               VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'LOCKED', 'DISABLED')),
    activation_code_hash VARCHAR(100),
    created_by           VARCHAR(64),
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    last_login_at        TIMESTAMPTZ,
    CHECK (role IN ('ADMIN', 'BUREAU') OR party_key IS NOT NULL),
    CHECK (role <> 'BUREAU' OR (region_code IS NOT NULL AND department IS NOT NULL))
);
CREATE INDEX account_party ON account (role, party_key);

-- Failed logins per account and per client address ("user:<name>", "addr:<ip>"); five failures → cooling off.
-- Unknown usernames are counted too, so the answer never tells whether a username exists.
CREATE TABLE login_throttle (
    throttle_key   VARCHAR(200) PRIMARY KEY,
    failures       INTEGER      NOT NULL DEFAULT 0,
    first_failure  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    blocked_until  TIMESTAMPTZ
);

-- Who entered a need: a bureau clerk entering it for a firm (定期征集供需信息) is recorded here.
ALTER TABLE need ADD COLUMN entered_by VARCHAR(64);
ALTER TABLE match_feedback ADD COLUMN entered_by VARCHAR(64);
