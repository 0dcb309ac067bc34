-- The change feed of the matching snapshot: every write to the graph (outbox projections, imports, profile edits,
-- event outcomes) appends what it changed; every replica follows this table and applies the rows in place.
-- keys NULL means the whole domain (e.g. an import of products.csv, or a reload asked for on demand).
CREATE TABLE graph_change (
    id         BIGSERIAL    PRIMARY KEY,
    domain     VARCHAR(16)  NOT NULL,
    keys       TEXT[],
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX graph_change_created ON graph_change (created_at);
