// Supply pairing, step 2: hard filters, then the signals a person can check, for each (buyer, candidate) pair.
// Hard filters: the buyer itself; required certifications; the need's radius (maxKm). A cheap pre-score keeps the
// best $pool candidates per group (need) before the costlier graph signals are computed.
// Parameters: $pairs [{group, buyer, candidate, fit, maxKm, certs, wantCodes}], $pool, $w {product, distance, tier},
//             $distanceScaleKm.
UNWIND $pairs AS pair
MATCH (c:Enterprise {creditCode: pair.candidate})
MATCH (buyer:Enterprise {creditCode: pair.buyer})
WHERE c <> buyer
  AND all(cert IN pair.certs WHERE cert IN coalesce(c.certifications, []))
WITH pair, buyer, c,
     CASE WHEN c.location IS NULL OR buyer.location IS NULL THEN null
          ELSE point.distance(c.location, buyer.location) / 1000.0 END AS km
WHERE pair.maxKm IS NULL OR (km IS NOT NULL AND km <= pair.maxKm)
WITH pair, buyer, c, km,
     pair.fit * $w.product
     + (CASE WHEN km IS NULL THEN 0.3 ELSE exp(-km / $distanceScaleKm) END) * $w.distance
     + (CASE c.tier WHEN 'CHAMPION' THEN 1.0 WHEN 'LITTLE_GIANT' THEN 0.85 WHEN 'SPECIALIZED' THEN 0.7
                    WHEN 'INNOVATIVE' THEN 0.45 WHEN 'POOL' THEN 0.25 ELSE 0.0 END) * $w.tier AS prescore
ORDER BY prescore DESC
WITH pair.group AS grp, collect({pair: pair, buyer: buyer, c: c, km: km})[0..$pool] AS top
// the buyer's segments, once per need: where it makes products, else the segments its wanted products feed
WITH top, head(top).buyer AS buyer, head(top).pair.wantCodes AS wantCodes
CALL (buyer, wantCodes) {
  OPTIONAL MATCH (buyer)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(own:Segment)
  WITH collect(DISTINCT own) AS own
  OPTIONAL MATCH (w:Product)-[:IN_SEGMENT]->(:Segment)-[:FEEDS]->(fed:Segment) WHERE w.code IN wantCodes
  WITH own, collect(DISTINCT fed) AS fedSegments
  RETURN CASE WHEN size(own) > 0 THEN own ELSE fedSegments END AS buyerSegments
}
UNWIND top AS t
WITH t.pair AS pair, buyer, t.c AS c, t.km AS km, buyerSegments
CALL (c, buyer, buyerSegments) {
  OPTIONAL MATCH (c)-[:SUPPLIES]->(peer:Enterprise)
  WHERE peer <> buyer AND EXISTS { (peer)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(s:Segment) WHERE s IN buyerSegments }
  RETURN count(DISTINCT peer) AS peers,
         count(DISTINCT CASE WHEN peer.isChainLeader THEN peer END) AS leaderPeers,
         collect(DISTINCT peer {.creditCode, .name})[0..2] AS peerSample
}
// MATCH, not OPTIONAL MATCH: no row must give an empty collect (feeds null), not a map of nulls
CALL (c, buyerSegments) {
  MATCH (c)-[:MAKES]->(cp:Product)-[:IN_SEGMENT]->(cs:Segment)-[:FEEDS]->(bs:Segment)
  WHERE bs IN buyerSegments
  RETURN head(collect({productCode: cp.code, product: cp.name, fromId: cs.id, from: cs.name, toId: bs.id, to: bs.name})) AS feeds
}
RETURN {group: pair.group, id: c.creditCode, name: c.name, regionCode: c.regionCode, tier: c.tier,
        employees: c.employees, certifications: c.certifications, km: km,
        peers: peers, leaderPeers: leaderPeers, peerSample: peerSample, feeds: feeds,
        existingSupplier: EXISTS { (c)-[:SUPPLIES]->(buyer) },
        deals: COUNT { (c)<-[o:MATCH_OUTCOME]-() WHERE o.kind = 'DEAL' },
        mets: COUNT { (c)<-[o:MATCH_OUTCOME]-() WHERE o.kind = 'MET' },
        buyerName: buyer.name} AS hit
