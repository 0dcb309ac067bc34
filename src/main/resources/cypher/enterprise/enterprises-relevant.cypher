// Firms for a full-text query in relevance order (GET /enterprises?q=…, the default sort), filters optional: the same
// rows and order as enterprises.cypher (score, then higher tier, then name, then credit code), computed over the best
// $window hits only instead of over every hit. Lucene gives hits best first, so the page is exact when the window
// holds every hit (found < $window) or when the lowest score in the window is below the score of the page's last row
// (no hit left outside can rank above it); otherwise the caller widens the window or, with filters, ranks every hit
// (EnterpriseRepository).
// $q: escaped full-text query · $window: how many hits to rank · $tier, $region (sub-regions included), $chain,
// $segment, $product: filters as in enterprises.cypher, null for any · $tierRank: {tier name: rank} · $skip, $size
// Returns one row: found (hits in the window), matched (of those, the ones the filters keep), lowest (the window's
// lowest score), boundary (score of the page's last row, null when the kept rows end before it) and hits (the page).
CALL db.index.fulltext.queryNodes('enterprise_text', $q, {limit: $window}) YIELD node AS e, score
WITH e, score,
     ($tier IS NULL OR e.tier = $tier)
     AND ($region IS NULL OR EXISTS { (e)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: $region}) })
     AND ($chain IS NULL
          OR EXISTS { (e)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chain}) }
          OR EXISTS { (e)-[:LEADS]->(:Chain {id: $chain}) })
     AND ($segment IS NULL OR EXISTS { (e)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(:Segment {id: $segment}) })
     AND ($product IS NULL OR EXISTS { (e)-[:MAKES]->(:Product)-[:BROADER*0..2]->(:Product {code: $product}) }) AS kept
ORDER BY score DESC, coalesce($tierRank[e.tier], 0) DESC, e.name, e.creditCode
WITH count(*) AS found, min(score) AS lowest, collect(CASE WHEN kept THEN {e: e, score: score} END) AS ranked
WITH found, lowest, size(ranked) AS matched, ranked[$skip..$skip + $size] AS shown,
     ranked[$skip + $size - 1].score AS boundary
CALL (shown) {
  UNWIND range(0, size(shown) - 1) AS i
  WITH i, shown[i].e AS e
  OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
  WITH i, e, r ORDER BY i
  RETURN collect(e {.creditCode, .name, .regionCode, .tier, .isChainLeader, .employees, regionName: r.name,
                    products: [(e)-[:MAKES]->(x:Product) | x.name]}) AS hits
}
RETURN found, matched, lowest, boundary, hits
