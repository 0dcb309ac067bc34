// Matching snapshot, firms and products: every firm's key (a full load then reads them in batches with firms.cypher).
MATCH (c:Enterprise)
RETURN c.creditCode AS id
