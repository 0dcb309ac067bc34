// Matching snapshot, firms and products: the product tree (name, keywords, segment, the product one level up).
MATCH (p:Product)
RETURN p.code AS code, p.name AS name, coalesce(p.keywords, []) AS keywords,
       head([(p)-[:IN_SEGMENT]->(s:Segment) | s.id]) AS segment,
       head([(p)-[:BROADER]->(b:Product) | b.code]) AS broader
