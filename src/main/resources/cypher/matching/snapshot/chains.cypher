// Matching snapshot, firms and products: chain names.
MATCH (c:Chain)
RETURN c.id AS id, c.name AS name
