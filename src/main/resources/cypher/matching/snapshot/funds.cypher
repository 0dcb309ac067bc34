// Matching snapshot, funds: stages, instruments, ticket range, region mandate, focus and portfolio of every fund,
// in id order (ties in fund matching go to the smaller id).
MATCH (f:Fund)
RETURN f.id AS id, f.name AS name, head([(inv:Investor)-[:MANAGES]->(f) | inv.regionCode]) AS region,
       coalesce(f.stages, []) AS stages, coalesce(f.instruments, []) AS instruments,
       f.ticketMinWan AS min, f.ticketMaxWan AS max, coalesce(f.regionMandate, '') AS mandate,
       [(f)-[:FOCUSES_ON]->(c:Chain) | c.id] AS chains, [(f)-[:FOCUSES_ON]->(s:Segment) | s.id] AS segments,
       [(f)-[:INVESTED_IN]->(e:Enterprise) | e.creditCode] AS portfolio
ORDER BY f.id
