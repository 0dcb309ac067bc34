// Funds and bank products (GET /funds), by id.
// $chain, $stage, $instrument, $investorKind, $investor (managed by that investor): filters, null for any · $skip, $size: the page
MATCH (f:Fund)
OPTIONAL MATCH (inv:Investor)-[:MANAGES]->(f)
WITH f, inv
WHERE ($chain IS NULL OR EXISTS { (f)-[:FOCUSES_ON]->(:Chain {id: $chain}) })
  AND ($stage IS NULL OR $stage IN f.stages)
  AND ($instrument IS NULL OR $instrument IN f.instruments)
  AND ($investorKind IS NULL OR inv.kind = $investorKind)
  AND ($investor IS NULL OR inv.id = $investor)
// page
WITH f, inv ORDER BY f.id SKIP $skip LIMIT $size
RETURN f {.id, .name, .investorId, .stages, .ticketMinWan, .ticketMaxWan, .instruments, .regionMandate,
          investorName: inv.name, investorKind: inv.kind,
          chains: [(f)-[:FOCUSES_ON]->(c:Chain) | c.id], segments: [(f)-[:FOCUSES_ON]->(s:Segment) | s.id]} AS hit
