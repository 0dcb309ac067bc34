// How many firms a full-text query finds, counted up to $cap + 1 (GET /enterprises?q=… without filters): beyond the
// cap the total is a lower bound ($cap, totalExact false) instead of a count of every hit, as search engines do
// (Elasticsearch's track_total_hits); a query of common words ("有限公司") can match every firm in the region.
// $q: escaped full-text query · $cap: the most hits counted exactly
CALL db.index.fulltext.queryNodes('enterprise_text', $q, {limit: $cap + 1}) YIELD node
RETURN count(node) AS hits
