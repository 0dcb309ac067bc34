// Matching snapshot, research: institutions with location, fields and the firms they have worked with.
MATCH (i:Institution)
RETURN i.id AS id, i.name AS name, i.regionCode AS region, i.location.latitude AS lat, i.location.longitude AS lon,
       [(i)-[:EXPERT_IN]->(t:Technology) | t.code] AS techs,
       [(i)-[:COLLABORATED_WITH]->(e:Enterprise) | e.creditCode] AS partners
