// One fund with its investor, focus and portfolio.
// $id: the fund's id
MATCH (f:Fund {id: $id})
OPTIONAL MATCH (inv:Investor)-[:MANAGES]->(f)
RETURN f {.id, .name, .investorId, .stages, .ticketMinWan, .ticketMaxWan, .instruments, .regionMandate,
          investorName: inv.name, investorKind: inv.kind,
          chains: [(f)-[:FOCUSES_ON]->(c:Chain) | c.id], segments: [(f)-[:FOCUSES_ON]->(s:Segment) | s.id],
          portfolio: [(f)-[x:INVESTED_IN]->(e) | {creditCode: e.creditCode, name: e.name, round: x.round, year: x.year,
                                                  amountWan: x.amountWan}]} AS f
