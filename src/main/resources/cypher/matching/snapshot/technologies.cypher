// Matching snapshot, research: the technology tree (name, keywords, the technology one level up).
MATCH (t:Technology)
RETURN t.code AS code, t.name AS name, coalesce(t.keywords, []) AS keywords,
       head([(t)-[:BROADER]->(b:Technology) | b.code]) AS broader
