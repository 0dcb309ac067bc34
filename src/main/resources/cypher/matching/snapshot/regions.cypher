// Matching snapshot, regions: each region's level, name and the region it lies WITHIN.
MATCH (r:Region)
RETURN r.code AS code, r.level AS level, r.name AS name, head([(r)-[:WITHIN]->(p:Region) | p.code]) AS parent
