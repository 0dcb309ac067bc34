-- Needs written in words (issue 15): when a SUPPLY or TECH need is posted without codes, Duijie proposes the products
-- and technologies its title and description name; they are matched on meanwhile (product_codes / technology_codes
-- hold them) and kept here, with confidence, for the poster to confirm or change. codes_proposed is true until then.
ALTER TABLE need ADD COLUMN code_proposals TEXT NOT NULL DEFAULT '[]';
ALTER TABLE need ADD COLUMN codes_proposed BOOLEAN NOT NULL DEFAULT FALSE;
