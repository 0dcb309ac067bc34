// One chain: segments (stage, what they feed), their products, and how many firms in the region make each.
// $region: a region code (province, city or district; sub-regions included) or null for the whole graph.
MATCH (c:Chain {id: $id})
CALL (c) {
  MATCH (c)-[:HAS_SEGMENT]->(s:Segment)
  CALL (s) {
    OPTIONAL MATCH (s)-[:FEEDS]->(d:Segment)
    RETURN collect(d.id) AS feeds
  }
  CALL (s) {
    OPTIONAL MATCH (p:Product)-[:IN_SEGMENT]->(s)
    CALL (p) {
      OPTIONAL MATCH (e:Enterprise)-[:MAKES]->(p)
      WHERE e IS NOT NULL AND ($region IS NULL OR EXISTS { (e)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: $region}) })
      RETURN count(DISTINCT e) AS local
    }
    WITH p, local WHERE p IS NOT NULL
    RETURN collect(p {.code, .name, broaderCode: [(p)-[:BROADER]->(b) | b.code][0], suppliers: local}) AS products
  }
  CALL (s) {
    OPTIONAL MATCH (e:Enterprise)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(s)
    WHERE e IS NOT NULL AND ($region IS NULL OR EXISTS { (e)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: $region}) })
    RETURN count(DISTINCT e) AS suppliers
  }
  WITH s, feeds, products, suppliers
  ORDER BY CASE s.stage WHEN 'UPSTREAM' THEN 0 WHEN 'MIDSTREAM' THEN 1 ELSE 2 END, s.id
  RETURN collect(s {.id, .name, .stage, feeds: feeds, suppliers: suppliers, products: products}) AS segments
}
RETURN c {.id, .name, .description, segments: segments,
          leaders: [(l:Enterprise)-[:LEADS]->(c) WHERE $region IS NULL OR EXISTS { (l)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: $region}) } | l {.creditCode, .name, .regionCode}]} AS chain
