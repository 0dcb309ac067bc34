// Matching snapshot, research: achievements with readiness, owner, technologies and the products they apply to.
MATCH (a:Achievement)
RETURN a.id AS id, a.title AS title, a.trl AS trl, head([(a)-[:OWNED_BY]->(i:Institution) | i.id]) AS institution,
       [(a)-[:ABOUT]->(t:Technology) | t.code] AS techs, [(a)-[:APPLIES_TO]->(p:Product) | p.code] AS products
