// One institution with its fields, experts, number of achievements and collaborations with firms.
// $id: the institution's id
MATCH (i:Institution {id: $id})
OPTIONAL MATCH (i)-[:LOCATED_IN]->(r:Region)
RETURN i {.id, .name, .kind, .regionCode, .description, regionName: r.name,
          technologies: [(i)-[:EXPERT_IN]->(t) | t.name],
          experts: [(x:Expert)-[:WORKS_AT]->(i) | x {.id, .name, .title, technologies: [(x)-[:EXPERT_IN]->(t) | t.name]}],
          achievements: COUNT { (i)<-[:OWNED_BY]-() },
          collaborations: [(i)-[c:COLLABORATED_WITH]->(e) | {creditCode: e.creditCode, name: e.name, year: c.year, title: c.title}]} AS i
