// Projects one need (the outbox payload) into the graph. Idempotent; an older version never overwrites a newer one.
MERGE (n:Need {id: $id})
WITH n WHERE coalesce(n.version, -1) <= $version
SET n.kind = $kind, n.status = $status, n.title = $title, n.description = $description, n.postedBy = $postedBy,
    n.productCodes = $productCodes, n.technologyCodes = $technologyCodes, n.quantity = $quantity,
    n.requiredCertifications = $requiredCertifications, n.maxDistanceKm = $maxDistanceKm, n.amountWan = $amountWan,
    n.stage = $stage, n.instrument = $instrument, n.expiresAt = datetime($expiresAt), n.version = $version
WITH n
CALL (n) { MATCH (n)<-[r:POSTED]-() DELETE r }
CALL (n) { MATCH (n)-[r:WANTS]->() DELETE r }
CALL (n) { MATCH (e:Enterprise {creditCode: $postedBy}) MERGE (e)-[:POSTED]->(n) }
CALL (n) { UNWIND $productCodes AS code MATCH (p:Product {code: code}) MERGE (n)-[:WANTS]->(p) }
CALL (n) { UNWIND $technologyCodes AS code MATCH (t:Technology {code: code}) MERGE (n)-[:WANTS]->(t) }
RETURN n.id AS id
