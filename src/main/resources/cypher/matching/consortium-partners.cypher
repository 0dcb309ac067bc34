// 揭榜挂帅 consortium partners. For each research-side candidate of a TECH need (an achievement, or an institution /
// expert through its achievements about the wanted technologies, narrower ones or the one just above), the products the achievement applies to, the
// firms able to industrialise it (make that product or a narrower one; never the buyer, never a chain leader,
// never a dismissed firm) best $smes per achievement, and for each such firm the best fund focused on the
// product's segment or chain whose region mandate covers the firm (a mandate elsewhere is a hard filter, as in
// fund matching). Parameters: $buyer, $research [{id, type}], $techCodes, $excluded, $smes, $w {product, local,
// tier, collaboration, technology}.
MATCH (buyer:Enterprise {creditCode: $buyer})
UNWIND $research AS r
CALL (r) {
  MATCH (a:Achievement {id: r.id})-[:OWNED_BY]->(i:Institution) WHERE r.type = 'ACHIEVEMENT'
  RETURN i, a
  UNION
  MATCH (i:Institution {id: r.id}) WHERE r.type = 'INSTITUTION'
  MATCH (a:Achievement)-[:OWNED_BY]->(i)
  WHERE EXISTS { (a)-[:ABOUT]->(:Technology)-[:BROADER*0..2]->(t:Technology) WHERE t.code IN $techCodes }
     OR EXISTS { (a)-[:ABOUT]->(:Technology)<-[:BROADER]-(t:Technology) WHERE t.code IN $techCodes }
  RETURN i, a
  UNION
  MATCH (:Expert {id: r.id})-[:WORKS_AT]->(i:Institution) WHERE r.type = 'EXPERT'
  MATCH (a:Achievement)-[:OWNED_BY]->(i)
  WHERE EXISTS { (a)-[:ABOUT]->(:Technology)-[:BROADER*0..2]->(t:Technology) WHERE t.code IN $techCodes }
     OR EXISTS { (a)-[:ABOUT]->(:Technology)<-[:BROADER]-(t:Technology) WHERE t.code IN $techCodes }
  RETURN i, a
}
MATCH (a)-[:APPLIES_TO]->(p:Product)
CALL (buyer, i, a, p) {
  MATCH (p)<-[:BROADER*0..1]-(made:Product)<-[:MAKES]-(sme:Enterprise)
  WHERE sme <> buyer AND NOT coalesce(sme.isChainLeader, false) AND NOT sme.creditCode IN $excluded
  WITH sme, head(collect(made)) AS made,
       CASE WHEN sme.location IS NULL OR buyer.location IS NULL THEN null
            ELSE point.distance(sme.location, buyer.location) / 1000.0 END AS km
  WITH sme, made, km,
       EXISTS { (i)-[:COLLABORATED_WITH]->(sme) } AS collaborated,
       [(sme)-[:HAS_TECH]->(t:Technology) WHERE t.code IN $techCodes | t.name] AS sharedTech
  WITH sme, made, km, collaborated, sharedTech,
       ((CASE WHEN made = p THEN 1.0 ELSE 0.85 END) * $w.product
        + (CASE WHEN km IS NULL THEN 0.3 ELSE exp(-km / 100.0) END) * $w.local
        + (CASE sme.tier WHEN 'CHAMPION' THEN 1.0 WHEN 'LITTLE_GIANT' THEN 0.85 WHEN 'SPECIALIZED' THEN 0.7
                         WHEN 'INNOVATIVE' THEN 0.45 WHEN 'POOL' THEN 0.25 ELSE 0.0 END) * $w.tier
        + (CASE WHEN collaborated THEN 1.0 ELSE 0.0 END) * $w.collaboration
        + (CASE WHEN size(sharedTech) > 0 THEN 1.0 ELSE 0.0 END) * $w.technology)
       / ($w.product + $w.local + $w.tier + $w.collaboration + $w.technology) AS smeScore
  ORDER BY smeScore DESC, sme.creditCode
  LIMIT $smes
  RETURN sme, made, km, collaborated, sharedTech, smeScore
}
OPTIONAL CALL (sme, p) {
  OPTIONAL MATCH (p)-[:IN_SEGMENT]->(s:Segment)<-[:HAS_SEGMENT]-(c:Chain)
  OPTIONAL MATCH (f:Fund)-[:FOCUSES_ON]->(focus) WHERE focus = s OR focus = c
  WITH sme, f, focus, s
  WHERE f IS NOT NULL AND (coalesce(f.regionMandate, '') = ''
        OR EXISTS { (sme)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: f.regionMandate}) })
  WITH f, focus, s, sme,
       (CASE WHEN focus = s THEN 0.6 ELSE 0.4 END)
       + (CASE WHEN any(st IN coalesce(f.stages, []) WHERE st IN ['ANGEL', 'A']) THEN 0.25 ELSE 0.0 END)
       + (CASE WHEN coalesce(f.regionMandate, '') <> '' THEN 0.15 ELSE 0.0 END) AS fundScore
  ORDER BY fundScore DESC, f.id
  LIMIT 1
  RETURN {id: f.id, name: f.name, focusId: focus.id, focusName: focus.name,
          focusType: CASE WHEN focus = s THEN 'SEGMENT' ELSE 'CHAIN' END, mandate: f.regionMandate,
          early: any(st IN coalesce(f.stages, []) WHERE st IN ['ANGEL', 'A']), score: fundScore,
          regionCode: head([(f)<-[:MANAGES]-(inv:Investor) | inv.regionCode])} AS fund
}
RETURN r.id AS researchId, i {.id, .name, .regionCode} AS institution, a {.id, .title, .trl} AS achievement,
       p {.code, .name} AS product, made {.code, .name} AS made,
       sme {.creditCode, .name, .regionCode, .tier} AS sme, km, collaborated, sharedTech, smeScore, fund
