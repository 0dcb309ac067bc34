// Matching snapshot, firms and products: segments, the segments each FEEDS, and the chain each belongs to.
MATCH (s:Segment)
RETURN s.id AS id, s.name AS name, [(s)-[:FEEDS]->(t:Segment) | t.id] AS feeds,
       head([(c:Chain)-[:HAS_SEGMENT]->(s) | c.id]) AS chain
