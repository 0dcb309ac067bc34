// Reverse supply view: open SUPPLY needs the firm could serve, through the product tree (how each wanted product
// relates to one the firm makes). Parameters: $firm (credit code). SupplyMatcher scores them from the matching snapshot.
MATCH (f:Enterprise {creditCode: $firm})-[:MAKES]->(mine:Product)
CALL (mine) {
  MATCH (n:Need)-[:WANTS]->(mine)
  RETURN n, 'EXACT' AS how, mine AS want
  UNION
  MATCH (mine)-[:BROADER*1..2]->(want:Product)<-[:WANTS]-(n:Need)
  RETURN n, 'NARROWER' AS how, want
  UNION
  MATCH (n:Need)-[:WANTS]->(want:Product)-[:BROADER*1..2]->(mine)
  RETURN n, 'BROADER' AS how, want
  UNION
  MATCH (mine)-[:BROADER]->(:Product)<-[:BROADER]-(want:Product)<-[:WANTS]-(n:Need)
  WHERE want <> mine
  RETURN n, 'SIBLING' AS how, want
}
WITH n, how, mine, want
WHERE n.kind = 'SUPPLY' AND n.status = 'OPEN' AND n.postedBy <> $firm
RETURN n.id AS needId, n.title AS title, n.description AS description, n.postedBy AS buyer, n.maxDistanceKm AS maxKm,
       coalesce(n.requiredCertifications, []) AS certs, coalesce(n.productCodes, []) AS wantCodes,
       how, mine.code AS viaCode, mine.name AS viaName, want.code AS wantCode, want.name AS wantName
