// The key under which two firms are probably one (city | name without legal form, place prefix and punctuation;
// imports/DuplicateFirms): a lookup index, so the duplicate check of an import or a profile edit reads only the
// firms with the same key instead of every firm's name. Firms imported before this key existed get it at start
// (imports/DuplicateKeyBackfill).
CREATE INDEX enterprise_duplicate_key IF NOT EXISTS FOR (n:Enterprise) ON (n.duplicateKey);
