// FINANCE need → funds and bank products. Hard filter: a fund with a region mandate (guidance funds) only sees
// firms inside that region. Everything else scores: chain/segment focus, stage, instrument, whether the ticket
// range covers the amount, portfolio adjacency (invested up- or downstream of the firm in the same chain, with the
// path), and a conflict flag when the fund holds a direct competitor (same product, same city).
// Parameters: $buyer, $amount, $stage, $instrument, $only (one fund's id, for its deal flow, or null).
MATCH (buyer:Enterprise {creditCode: $buyer})
OPTIONAL MATCH (buyer)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(city:Region {level: 'CITY'})
WITH buyer, city,
     [(buyer)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(s:Segment) | s] AS segments,
     [(buyer)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(c:Chain) | c] + [(buyer)-[:LEADS]->(c:Chain) | c] AS chains
MATCH (f:Fund)
WHERE ($only IS NULL OR f.id = $only)
  AND (coalesce(f.regionMandate, '') = ''
   OR EXISTS { (buyer)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: f.regionMandate}) })
OPTIONAL MATCH (inv:Investor)-[:MANAGES]->(f)
WITH buyer, city, segments, chains, f, inv,
     [(f)-[:FOCUSES_ON]->(c:Chain) WHERE c IN chains | c.name] AS chainFocus,
     [(f)-[:FOCUSES_ON]->(s:Segment) WHERE s IN segments | s.name] AS segmentFocus
// MATCH, not OPTIONAL MATCH: no row must give an empty collect (adjacent null), not a map of nulls
CALL (f, buyer, chains) {
  MATCH (f)-[:INVESTED_IN]->(p:Enterprise)-[rel:SUPPLIES]-(buyer)
  WHERE p <> buyer
  RETURN head(collect({creditCode: p.creditCode, name: p.name, direction: CASE WHEN startNode(rel) = p THEN 'UPSTREAM' ELSE 'DOWNSTREAM' END})) AS adjacent
}
CALL (f, buyer, city) {
  OPTIONAL MATCH (f)-[:INVESTED_IN]->(rival:Enterprise)-[:MAKES]->(:Product)<-[:MAKES]-(buyer)
  WHERE rival <> buyer AND city IS NOT NULL AND EXISTS { (rival)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(city) }
  RETURN head(collect(rival {.creditCode, .name})) AS rival
}
RETURN {id: f.id, name: f.name, regionCode: inv.regionCode, investorName: inv.name, investorKind: inv.kind,
        stages: f.stages, instruments: f.instruments, min: f.ticketMinWan, max: f.ticketMaxWan, mandate: f.regionMandate,
        chainFocus: chainFocus, segmentFocus: segmentFocus, adjacent: adjacent, rival: rival,
        portfolio: COUNT { (f)-[:INVESTED_IN]->() },
        deals: COUNT { (f)<-[o:MATCH_OUTCOME]-() WHERE o.kind = 'DEAL' },
        buyerName: buyer.name} AS hit
