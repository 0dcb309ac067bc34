// Firms without search words or filters, higher tier first, then by name, then credit code (GET /enterprises, the
// default and TIER sorts): the same order as enterprises.cypher, read from the (tier, name) index a tier at a time —
// each tier's first $skip + $size firms — instead of sorting every firm.
// $tiers: tier names, highest first · $tierRank: {tier name: rank} · $skip, $size: the page
UNWIND $tiers AS tier
CALL (tier) {
  MATCH (e:Enterprise)
  WHERE e.tier = tier AND e.name IS NOT NULL
  RETURN e ORDER BY e.tier, e.name, e.creditCode LIMIT $skip + $size
}
WITH e
ORDER BY coalesce($tierRank[e.tier], 0) DESC, e.name, e.creditCode
SKIP $skip LIMIT $size
OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
RETURN e {.creditCode, .name, .regionCode, .tier, .isChainLeader, .employees, regionName: r.name,
          products: [(e)-[:MAKES]->(x:Product) | x.name]} AS hit
