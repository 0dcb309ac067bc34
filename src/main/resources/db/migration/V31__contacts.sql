-- Contact details of a party (联系人, 手机, 邮箱, 座机): PostgreSQL only, never in the graph, lists or matches.
CREATE TABLE party_contact (
    party       VARCHAR(90)  PRIMARY KEY,            -- "ENTERPRISE:9132…", "INSTITUTION:INST036", "INVESTOR:INV002"
    name        VARCHAR(100) NOT NULL,
    mobile      VARCHAR(20)  NOT NULL,
    email       VARCHAR(200) NOT NULL,
    phone       VARCHAR(30),
    updated_by  VARCHAR(64)  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

-- Consent before details are shown: one side asks, the other accepts or declines; the asker may withdraw.
CREATE TABLE contact_request (
    id          UUID         PRIMARY KEY,
    from_party  VARCHAR(90)  NOT NULL,
    to_party    VARCHAR(90)  NOT NULL CHECK (to_party <> from_party),
    need_id     VARCHAR(64),
    note        VARCHAR(2000),
    status      VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    decided_by  VARCHAR(64),
    decided_at  TIMESTAMPTZ
);
-- one open request per pair and need
CREATE UNIQUE INDEX contact_request_open ON contact_request (from_party, to_party, coalesce(need_id, ''))
    WHERE status IN ('PENDING', 'ACCEPTED');
CREATE INDEX contact_request_to ON contact_request (to_party, status);
CREATE INDEX contact_request_from ON contact_request (from_party, status);

-- Every time one party's details were shown to someone: who saw whose, when, through which request.
CREATE TABLE contact_reveal (
    id          BIGSERIAL    PRIMARY KEY,
    viewer      VARCHAR(64)  NOT NULL,               -- the account (username)
    viewer_party VARCHAR(90) NOT NULL,
    party       VARCHAR(90)  NOT NULL,               -- whose details
    request_id  UUID         NOT NULL REFERENCES contact_request (id),
    revealed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX contact_reveal_party ON contact_reveal (party, revealed_at);
