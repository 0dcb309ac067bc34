// Reverse supply view: open SUPPLY needs the firm could serve, through the same product-tree fit as step 1.
// Parameters: $firm (credit code). Signals then come from supply-signals.cypher, one group per need.
MATCH (f:Enterprise {creditCode: $firm})-[:MAKES]->(mine:Product)
CALL (mine) {
  MATCH (n:Need)-[:WANTS]->(mine)
  RETURN n, 1.0 AS fit, 'EXACT' AS how, mine AS want
  UNION
  MATCH (mine)-[:BROADER*1..2]->(want:Product)<-[:WANTS]-(n:Need)
  RETURN n, 0.85 AS fit, 'NARROWER' AS how, want
  UNION
  MATCH (n:Need)-[:WANTS]->(want:Product)-[:BROADER*1..2]->(mine)
  RETURN n, 0.6 AS fit, 'BROADER' AS how, want
  UNION
  MATCH (mine)-[:BROADER]->(:Product)<-[:BROADER]-(want:Product)<-[:WANTS]-(n:Need)
  WHERE want <> mine
  RETURN n, 0.4 AS fit, 'SIBLING' AS how, want
}
WITH n, fit, how, mine, want
WHERE n.kind = 'SUPPLY' AND n.status = 'OPEN' AND n.postedBy <> $firm
RETURN n.id AS needId, n.title AS title, n.postedBy AS buyer, n.maxDistanceKm AS maxKm,
       coalesce(n.requiredCertifications, []) AS certs, coalesce(n.productCodes, []) AS wantCodes,
       fit, how, mine.code AS viaCode, mine.name AS viaName, want.code AS wantCode, want.name AS wantName
