// Matching snapshot, firms and products: the product tree (name, segment, the product one level up).
MATCH (p:Product)
RETURN p.code AS code, p.name AS name, head([(p)-[:IN_SEGMENT]->(s:Segment) | s.id]) AS segment,
       head([(p)-[:BROADER]->(b:Product) | b.code]) AS broader
