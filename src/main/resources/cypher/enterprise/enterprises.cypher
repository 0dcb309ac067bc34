// Firms (GET /enterprises): full-text ranked when $q is given, then higher tier first, then by name.
// $q: escaped full-text query, '' for none · $tier, $region (sub-regions included), $chain (makes for it or leads it),
// $segment (makes a product of it), $product (narrower included): filters, null for any
// $sort: RELEVANCE (score, then tier), NAME, TIER or EMPLOYEES; ties by name, then credit code · $reversed: the whole
// order the other way round (sort=-KEY) · $tierRank: the ladder, {tier name: rank} · $skip, $size: the page
CALL () {
  WITH $q AS q WHERE q <> ''
  CALL db.index.fulltext.queryNodes('enterprise_text', q) YIELD node, score
  RETURN node AS e, score
  UNION ALL
  WITH $q AS q WHERE q = ''
  MATCH (e:Enterprise)
  RETURN e, 0.0 AS score
}
WITH e, score
WHERE ($tier IS NULL OR e.tier = $tier)
  AND ($region IS NULL OR EXISTS { (e)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: $region}) })
  AND ($chain IS NULL
       OR EXISTS { (e)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(:Chain {id: $chain}) }
       OR EXISTS { (e)-[:LEADS]->(:Chain {id: $chain}) })
  AND ($segment IS NULL OR EXISTS { (e)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(:Segment {id: $segment}) })
  AND ($product IS NULL OR EXISTS { (e)-[:MAKES]->(:Product)-[:BROADER*0..2]->(:Product {code: $product}) })
// page
WITH e, score
WITH e, score, CASE WHEN $reversed THEN -1 ELSE 1 END AS way
ORDER BY CASE WHEN $sort = 'RELEVANCE' THEN score * way ELSE 0.0 END DESC,
         CASE WHEN $sort IN ['RELEVANCE', 'TIER'] THEN coalesce($tierRank[e.tier], 0) * way ELSE 0 END DESC,
         CASE WHEN $sort = 'EMPLOYEES' THEN coalesce(e.employees, 0) * way ELSE 0 END DESC,
         CASE WHEN NOT $reversed THEN e.name END, CASE WHEN $reversed THEN e.name END DESC,
         CASE WHEN NOT $reversed THEN e.creditCode END, CASE WHEN $reversed THEN e.creditCode END DESC
SKIP $skip LIMIT $size
OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
RETURN e {.creditCode, .name, .regionCode, .tier, .isChainLeader, .employees, regionName: r.name,
          products: [(e)-[:MAKES]->(x:Product) | x.name]} AS hit
