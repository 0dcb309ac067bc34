// Firms by tier, then name: the firm list without search words (GET /enterprises, the 企业 page as it opens) reads
// each tier's first firms by name from this index instead of sorting every firm (enterprise/enterprises-by-tier.cypher).
CREATE INDEX enterprise_tier_name IF NOT EXISTS FOR (n:Enterprise) ON (n.tier, n.name);
