// Matching snapshot, research: experts with their institution and technologies.
MATCH (x:Expert)
RETURN x.id AS id, x.name AS name, head([(x)-[:WORKS_AT]->(i:Institution) | i.id]) AS institution,
       [(x)-[:EXPERT_IN]->(t:Technology) | t.code] AS techs
