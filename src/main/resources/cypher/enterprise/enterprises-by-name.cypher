// Firms without search words or filters by name, then credit code (GET /enterprises?sort=NAME): the same order as
// enterprises.cypher, read from the name index instead of sorting every firm.
// $skip, $size: the page
MATCH (e:Enterprise)
WHERE e.name IS NOT NULL
WITH e ORDER BY e.name, e.creditCode
SKIP $skip LIMIT $size
OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
RETURN e {.creditCode, .name, .regionCode, .tier, .isChainLeader, .employees, regionName: r.name,
          products: [(e)-[:MAKES]->(x:Product) | x.name]} AS hit
