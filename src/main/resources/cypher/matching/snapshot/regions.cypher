// Matching snapshot, regions: each region's level and the region it lies WITHIN.
MATCH (r:Region)
RETURN r.code AS code, r.level AS level, head([(r)-[:WITHIN]->(p:Region) | p.code]) AS parent
