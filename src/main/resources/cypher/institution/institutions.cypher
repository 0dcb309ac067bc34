// Institutions (GET /institutions), full-text ranked when $q is given, else by id.
// $q: escaped full-text query, '' for none · $kind, $region (sub-regions included), $technology (narrower included):
// filters, null for any · $skip, $size: the page
CALL () {
  WITH $q AS q WHERE q <> ''
  CALL db.index.fulltext.queryNodes('institution_text', q) YIELD node, score
  RETURN node AS i, score
  UNION ALL
  WITH $q AS q WHERE q = ''
  MATCH (i:Institution)
  RETURN i, 0.0 AS score
}
WITH i, score
WHERE ($kind IS NULL OR i.kind = $kind)
  AND ($region IS NULL OR EXISTS { (i)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: $region}) })
  AND ($technology IS NULL OR EXISTS { (i)-[:EXPERT_IN]->(:Technology)-[:BROADER*0..2]->(:Technology {code: $technology}) })
// page
WITH i, score ORDER BY score DESC, i.id SKIP $skip LIMIT $size
OPTIONAL MATCH (i)-[:LOCATED_IN]->(r:Region)
RETURN i {.id, .name, .kind, .regionCode, regionName: r.name, technologies: [(i)-[:EXPERT_IN]->(t) | t.name],
          achievements: COUNT { (i)<-[:OWNED_BY]-() }} AS hit
