// Gaps (强链补链): segments and products of a chain with fewer than $min makers in the region, fewest first, with
// the number of makers elsewhere (where a bureau could attract suppliers from).
MATCH (c:Chain {id: $id})-[:HAS_SEGMENT]->(s:Segment)
OPTIONAL MATCH (p:Product)-[:IN_SEGMENT]->(s)
WITH s, p
CALL (p) {
  OPTIONAL MATCH (e:Enterprise)-[:MAKES]->(p)
  WITH e WHERE e IS NOT NULL
  WITH e, ($region IS NULL OR EXISTS { (e)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(:Region {code: $region}) }) AS local
  RETURN count(CASE WHEN local THEN 1 END) AS inRegion, count(CASE WHEN NOT local THEN 1 END) AS elsewhere
}
WITH s, collect(CASE WHEN p IS NULL THEN null ELSE {kind: 'PRODUCT', id: p.code, name: p.name, segmentId: s.id,
                     segmentName: s.name, stage: s.stage, inRegion: inRegion, elsewhere: elsewhere} END) AS products,
     sum(inRegion) AS segIn, sum(elsewhere) AS segOut
WITH collect({kind: 'SEGMENT', id: s.id, name: s.name, segmentId: s.id, segmentName: s.name, stage: s.stage,
              inRegion: segIn, elsewhere: segOut}) + reduce(acc = [], l IN collect(products) | acc + l) AS items
UNWIND items AS gap
WITH gap WHERE gap.inRegion < $min
RETURN gap ORDER BY gap.inRegion, gap.elsewhere DESC, gap.kind DESC, gap.id
