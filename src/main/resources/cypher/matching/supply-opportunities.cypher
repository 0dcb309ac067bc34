// Reverse supply view: open SUPPLY needs the firm could serve, through the product tree (how each wanted product
// relates to one the firm makes) and through co-production (needs wanting a product that firms making the firm's own
// products also make). Parameters: $firm (credit code), $coMade (codes of products co-produced with the firm's, from
// the matching snapshot). SupplyMatcher scores them from the matching snapshot.
CALL () {
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
  RETURN n, how, mine.code AS viaCode, mine.name AS viaName, want
  UNION
  MATCH (want:Product)<-[:WANTS]-(n:Need)
  WHERE want.code IN $coMade
  RETURN n, 'CO_MADE' AS how, null AS viaCode, null AS viaName, want
}
WITH n, how, viaCode, viaName, want
WHERE n.kind = 'SUPPLY' AND n.status = 'OPEN' AND n.postedBy <> $firm
RETURN n.id AS needId, n.title AS title, n.description AS description, n.postedBy AS buyer, n.maxDistanceKm AS maxKm,
       coalesce(n.requiredCertifications, []) AS certs, coalesce(n.productCodes, []) AS wantCodes,
       how, viaCode, viaName, want.code AS wantCode, want.name AS wantName
