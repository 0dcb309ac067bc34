// Names of regions (reasons name cities, sister firms are told by their trade name after the place names).
// Parameters: $codes — region codes, or null for every region.
MATCH (r:Region)
WHERE $codes IS NULL OR r.code IN $codes
RETURN r.code AS code, r.name AS name
