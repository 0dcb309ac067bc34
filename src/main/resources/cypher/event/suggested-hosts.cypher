// Hosts for an event on chain $chainId: the chain's leaders (with their open SUPPLY needs and size), funds that focus
// on the chain or its segments, and institutions expert in technologies used in the chain's segments.
MATCH (c:Chain {id: $chainId})
CALL {
  WITH c
  MATCH (e:Enterprise)-[:LEADS]->(c)
  RETURN e { kind: 'LEADER', type: 'ENTERPRISE', id: e.creditCode, .name, .regionCode, .tier,
             openNeeds: COUNT { (e)-[:POSTED]->(n:Need {kind: 'SUPPLY'}) WHERE n.status = 'OPEN' },
             employees: coalesce(e.employees, 0), revenueWan: coalesce(e.revenueWan, 0.0),
             expertTechs: 0, chainFocus: false, segmentFocus: 0 } AS hit
  UNION
  WITH c
  MATCH (f:Fund)
  WHERE (f)-[:FOCUSES_ON]->(c) OR EXISTS { (f)-[:FOCUSES_ON]->(:Segment)<-[:HAS_SEGMENT]-(c) }
  OPTIONAL MATCH (inv:Investor)-[:MANAGES]->(f)
  WITH c, f, head(collect(inv.regionCode)) AS investorRegion
  RETURN f { kind: 'FUND', type: 'FUND', .id, .name, regionCode: coalesce(f.regionMandate, investorRegion), tier: null,
             openNeeds: 0, employees: 0, revenueWan: 0.0, expertTechs: 0,
             chainFocus: EXISTS { (f)-[:FOCUSES_ON]->(c) },
             segmentFocus: COUNT { (f)-[:FOCUSES_ON]->(:Segment)<-[:HAS_SEGMENT]-(c) } } AS hit
  UNION
  WITH c
  MATCH (i:Institution)-[:EXPERT_IN]->(t:Technology)-[:USED_IN]->(:Segment)<-[:HAS_SEGMENT]-(c)
  WITH i, count(DISTINCT t) AS techs
  RETURN i { kind: 'INSTITUTION', type: 'INSTITUTION', .id, .name, .regionCode, tier: null, openNeeds: 0,
             employees: 0, revenueWan: 0.0, expertTechs: techs, chainFocus: false, segmentFocus: 0 } AS hit
}
RETURN hit
