// TECH need → achievements, institutions and experts in one list. Technology fit through the technology tree
// (exact 1, narrower .85, broader .6), or achievements that apply to the wanted products (.7), or full text (≤ .5,
// scored in Java); then TRL, locality and past collaborations. Parameters: $buyer, $techCodes, $productCodes,
// $text, $textLimit, $pool, $only (one candidate's id, for the reverse views, or null).
MATCH (buyer:Enterprise {creditCode: $buyer})
CALL (buyer) {
  UNWIND $techCodes AS code
  MATCH (want:Technology {code: code})
  CALL (want) {
    MATCH (t:Technology) WHERE t = want RETURN t, 1.0 AS fit
    UNION
    MATCH (t:Technology)-[:BROADER*1..2]->(want) RETURN t, 0.85 AS fit
    UNION
    MATCH (want)-[:BROADER]->(t:Technology) RETURN t, 0.6 AS fit
  }
  CALL (t) {
    MATCH (a:Achievement)-[:ABOUT]->(t) RETURN a AS node
    UNION
    MATCH (i:Institution)-[:EXPERT_IN]->(t) RETURN i AS node
    UNION
    MATCH (x:Expert)-[:EXPERT_IN]->(t) RETURN x AS node
  }
  RETURN node, fit, t.code AS viaCode, t.name AS viaName, want.code AS wantCode, want.name AS wantName, 'TECH' AS how
  UNION
  UNWIND $productCodes AS code
  MATCH (a:Achievement)-[:APPLIES_TO]->(p:Product {code: code})
  RETURN a AS node, 0.7 AS fit, p.code AS viaCode, p.name AS viaName, p.code AS wantCode, p.name AS wantName, 'PRODUCT' AS how
  UNION
  WITH $text AS text WHERE text <> ''
  CALL db.index.fulltext.queryNodes('achievement_text', text, {limit: $textLimit}) YIELD node, score
  RETURN node, score AS fit, null AS viaCode, null AS viaName, null AS wantCode, null AS wantName, 'TEXT' AS how
  UNION
  WITH $text AS text WHERE text <> ''
  CALL db.index.fulltext.queryNodes('institution_text', text, {limit: $textLimit}) YIELD node, score
  RETURN node, score AS fit, null AS viaCode, null AS viaName, null AS wantCode, null AS wantName, 'TEXT' AS how
}
WITH buyer, node, fit, how, viaCode, viaName, wantCode, wantName
// a structural fit always wins over a full-text score (Lucene scores are not on the 0..1 scale)
ORDER BY CASE how WHEN 'TEXT' THEN 0 ELSE 1 END DESC, fit DESC
WITH buyer, node, collect({fit: fit, how: how, viaCode: viaCode, viaName: viaName, wantCode: wantCode, wantName: wantName}) AS fits
WITH buyer, node, fits[0] AS best, any(f IN fits WHERE f.how = 'TEXT') AS textToo
WHERE $only IS NULL OR node.id = $only
WITH buyer, node, best, textToo,
     CASE WHEN node:Institution THEN node ELSE head([(node)-[:OWNED_BY|WORKS_AT]->(i:Institution) | i]) END AS inst
WITH buyer, node, best, textToo, inst,
     CASE WHEN inst.location IS NULL OR buyer.location IS NULL THEN null
          ELSE point.distance(inst.location, buyer.location) / 1000.0 END AS km
ORDER BY (CASE best.how WHEN 'TEXT' THEN 0.3 ELSE best.fit END) + (CASE WHEN km IS NULL THEN 0 ELSE exp(-km / 150.0) * 0.3 END) DESC
LIMIT $pool
RETURN {type: CASE WHEN node:Achievement THEN 'ACHIEVEMENT' WHEN node:Expert THEN 'EXPERT' ELSE 'INSTITUTION' END,
        id: node.id, name: CASE WHEN node:Achievement THEN node.title ELSE node.name END, trl: node.trl, kind: node.kind, title: node.title,
        best: best, textToo: textToo, km: km,
        institutionId: inst.id, institutionName: inst.name, regionCode: inst.regionCode,
        collaboratedWithBuyer: EXISTS { (inst)-[:COLLABORATED_WITH]->(buyer) },
        collaborations: COUNT { (inst)-[:COLLABORATED_WITH]->() },
        appliesToBuyerProducts: CASE WHEN node:Achievement THEN [(node)-[:APPLIES_TO]->(p)<-[:MAKES]-(buyer) | p.name] ELSE [] END,
        deals: COUNT { (node)<-[o:MATCH_OUTCOME]-() WHERE o.kind = 'DEAL' },
        buyerName: buyer.name} AS hit
