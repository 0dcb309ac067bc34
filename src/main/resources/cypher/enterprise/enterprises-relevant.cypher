// Firms for a full-text query without filters, in relevance order (GET /enterprises?q=…, the default sort): the same
// order as enterprises.cypher (score, then higher tier, then name, then credit code), computed over the best $window
// hits only instead of over every hit. Lucene gives hits best first, so the page is exact when the window holds every
// hit (found < $window) or when the lowest score in the window is below the score of the page's last row (no hit left
// outside can rank above it); otherwise the caller asks again with a wider window (EnterpriseRepository).
// $q: escaped full-text query · $window: how many hits to rank · $tierRank: {tier name: rank} · $skip, $size: the page
// Returns one row: found (hits in the window), lowest (their lowest score), boundary (score of the page's last row,
// null when the window ends before it) and hits (the page, [] when it is past the end).
CALL db.index.fulltext.queryNodes('enterprise_text', $q, {limit: $window}) YIELD node AS e, score
WITH e, score
ORDER BY score DESC, coalesce($tierRank[e.tier], 0) DESC, e.name, e.creditCode
WITH collect({e: e, score: score}) AS ranked, min(score) AS lowest
WITH ranked[$skip..$skip + $size] AS shown, size(ranked) AS found, lowest,
     ranked[$skip + $size - 1].score AS boundary
CALL (shown) {
  UNWIND range(0, size(shown) - 1) AS i
  WITH i, shown[i].e AS e
  OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
  WITH i, e, r ORDER BY i
  RETURN collect(e {.creditCode, .name, .regionCode, .tier, .isChainLeader, .employees, regionName: r.name,
                    products: [(e)-[:MAKES]->(x:Product) | x.name]}) AS hits
}
RETURN found, lowest, boundary, hits
