// Achievements (GET /achievements), full-text ranked when $q is given, else by id.
// $q: escaped full-text query, '' for none · $technology (narrower included), $institution, $minTrl: filters, null for
// any · $skip, $size: the page
CALL () {
  WITH $q AS q WHERE q <> ''
  CALL db.index.fulltext.queryNodes('achievement_text', q) YIELD node, score
  RETURN node AS a, score
  UNION ALL
  WITH $q AS q WHERE q = ''
  MATCH (a:Achievement)
  RETURN a, 0.0 AS score
}
WITH a, score
WHERE ($technology IS NULL OR EXISTS { (a)-[:ABOUT]->(:Technology)-[:BROADER*0..2]->(:Technology {code: $technology}) })
  AND ($institution IS NULL OR a.institutionId = $institution)
  AND ($minTrl IS NULL OR a.trl >= $minTrl)
// page
WITH a, score ORDER BY score DESC, a.id SKIP $skip LIMIT $size
OPTIONAL MATCH (a)-[:OWNED_BY]->(i:Institution)
RETURN a {.id, .title, .kind, .trl, .description, .institutionId, institutionName: i.name,
          technologies: [(a)-[:ABOUT]->(t) | t.name], products: [(a)-[:APPLIES_TO]->(x) | x.name]} AS hit
