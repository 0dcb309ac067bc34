// Guests for an event on chain $chainId: firms that make products in segments that FEED the segments of the chain's
// leaders (what the leaders make; if nothing is on record, the chain's segments that are fed), with how many of the
// leaders' open SUPPLY needs they could serve and whether they sit in the event's area $localCode.
MATCH (c:Chain {id: $chainId})
OPTIONAL MATCH (h:Enterprise)-[:LEADS]->(c)
WITH c, collect(h) AS hosts
OPTIONAL MATCH (hx:Enterprise)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(hs:Segment)
  WHERE hx IN hosts
WITH c, hosts, collect(DISTINCT hs) AS hostSegs
WITH hosts, CASE WHEN size(hostSegs) > 0 THEN hostSegs
                 ELSE [(c)-[:HAS_SEGMENT]->(s:Segment) WHERE EXISTS { (:Segment)-[:FEEDS]->(s) } | s] END AS targetSegs
UNWIND targetSegs AS ts
MATCH (up:Segment)-[:FEEDS]->(ts)
MATCH (g:Enterprise)-[:MAKES]->(p:Product)-[:IN_SEGMENT]->(up)
  WHERE NOT g IN hosts
WITH hosts, g, collect(DISTINCT up.name) AS feedSegments, collect(DISTINCT ts.name) AS hostSegments
WITH g, feedSegments, hostSegments,
     COUNT { (g)-[:MAKES]->(:Product)<-[:WANTS]-(n:Need {kind: 'SUPPLY'})<-[:POSTED]-(b:Enterprise)
             WHERE b IN hosts AND n.status = 'OPEN' } AS wantedNeeds,
     (g.regionCode = $localCode OR EXISTS { (g)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..3]->(:Region {code: $localCode}) }) AS local
RETURN g { type: 'ENTERPRISE', id: g.creditCode, .name, .regionCode, .tier, feedSegments, hostSegments,
           wantedNeeds, local } AS hit
