// Matching snapshot, research: the technology tree (name, the technology one level up).
MATCH (t:Technology)
RETURN t.code AS code, t.name AS name, head([(t)-[:BROADER]->(b:Technology) | b.code]) AS broader
