// A firm with what a buyer, a bureau or an investor wants to see on one page.
MATCH (e:Enterprise {creditCode: $creditCode})
OPTIONAL MATCH (e)-[:LOCATED_IN]->(r:Region)
OPTIONAL MATCH (r)-[:WITHIN*0..2]->(city:Region {level: 'CITY'})
RETURN e {.creditCode, .name, .regionCode, .tier, .isChainLeader, .employees, .revenueWan, .rdRatio,
          .inventionPatents, .certifications, .listed, .lat, .lon, .description,
          .nicheYears, .mainBusinessShare, .revenueGrowth, .debtRatio, .rdSpendWan, .rdSpendPrevWan, .rdRatioPrev,
          .rdStaffShare, .ipClass1, .ipClass2, .ipHighValue, .rdInstitutionLevel, .digitalLevel, .netMarginRatio,
          .equityRaisedWan, .marketShare, .marketRank, .globalMarketRank, .keyField, .strategicEmerging, .scienceAward,
          .highTech, .ownBrand, .developmentScore, .tierHistory,
          regionName: r.name, cityCode: city.code, cityName: city.name,
          products: [(e)-[:MAKES]->(p:Product)-[:IN_SEGMENT]->(s:Segment)<-[:HAS_SEGMENT]-(c:Chain) |
                     {code: p.code, name: p.name, segmentId: s.id, segmentName: s.name, chainId: c.id, chainName: c.name}],
          technologies: [(e)-[:HAS_TECH]->(t:Technology) | {code: t.code, name: t.name}],
          leads: [(e)-[:LEADS]->(c:Chain) | {id: c.id, name: c.name}],
          suppliers: [(s:Enterprise)-[x:SUPPLIES]->(e) | {creditCode: s.creditCode, name: s.name, productCode: x.productCode, since: x.since}][0..50],
          buyers: [(e)-[x:SUPPLIES]->(b:Enterprise) | {creditCode: b.creditCode, name: b.name, productCode: x.productCode, since: x.since}][0..50],
          collaborations: [(i:Institution)-[x:COLLABORATED_WITH]->(e) | {id: i.id, name: i.name, year: x.year, title: x.title}],
          investors: [(f:Fund)-[x:INVESTED_IN]->(e) | {id: f.id, name: f.name, round: x.round, year: x.year, amountWan: x.amountWan}]} AS firm
