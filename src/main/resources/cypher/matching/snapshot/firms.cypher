// Matching snapshot, firms and products: the firms whose keys are given ($keys), as supply, fund and consortium
// scoring see them — location, tier, certifications, what they make, their technologies, whom they supply, the
// chains they lead, whom they supply with which product (the edge's productCode, null when it names none), the text matching segments into words (name, description, product names), and the length of
// the description (with name and products: whether its full-text hits may have changed). A key with no row is a
// firm that no longer exists.
UNWIND $keys AS key
MATCH (c:Enterprise {creditCode: key})
RETURN c.creditCode AS id, c.name AS name, c.regionCode AS region, c.employees AS employees,
       coalesce(c.isChainLeader, false) AS leader, c.location.latitude AS lat, c.location.longitude AS lon,
       c.tier AS tier, coalesce(c.certifications, []) AS certs,
       [(c)-[:MAKES]->(p:Product) | p.code] AS makes,
       [(c)-[:MAKES]->(p:Product) | p.name] AS productNames, coalesce(c.description, '') AS description,
       [(c)-[:HAS_TECH]->(t:Technology) | t.code] AS techs,
       [(c)-[x:SUPPLIES]->(b:Enterprise) | [b.creditCode, x.productCode]] AS supplies,
       [(c)-[:LEADS]->(ch:Chain) | ch.id] AS leads,
       size(coalesce(c.description, '')) AS descriptionLength
