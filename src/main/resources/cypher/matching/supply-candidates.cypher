// Supply pairing, step 1: firms that make what the need wants — exactly, a narrower or broader product in the
// product tree, or a sibling — plus Chinese full-text hits on names, descriptions and product names.
// Parameters: $productCodes (list), $text (full-text query, may be ''), $textLimit.
UNWIND $productCodes AS code
MATCH (want:Product {code: code})
CALL (want) {
  MATCH (c:Enterprise)-[:MAKES]->(want)
  RETURN c, 1.0 AS fit, 'EXACT' AS how, want AS via
  UNION
  MATCH (c:Enterprise)-[:MAKES]->(via:Product)-[:BROADER*1..2]->(want)
  RETURN c, 0.85 AS fit, 'NARROWER' AS how, via
  UNION
  MATCH (want)-[:BROADER*1..2]->(via:Product)<-[:MAKES]-(c:Enterprise)
  RETURN c, 0.6 AS fit, 'BROADER' AS how, via
  UNION
  MATCH (want)-[:BROADER]->(:Product)<-[:BROADER]-(via:Product)<-[:MAKES]-(c:Enterprise)
  WHERE via <> want
  RETURN c, 0.4 AS fit, 'SIBLING' AS how, via
}
RETURN c.creditCode AS id, fit, how, via.code AS viaCode, via.name AS viaName, want.code AS wantCode, want.name AS wantName
UNION ALL
WITH $text AS text WHERE text <> ''
CALL db.index.fulltext.queryNodes('enterprise_text', text, {limit: $textLimit}) YIELD node, score
RETURN node.creditCode AS id, score AS fit, 'TEXT' AS how, null AS viaCode, null AS viaName, null AS wantCode, null AS wantName
