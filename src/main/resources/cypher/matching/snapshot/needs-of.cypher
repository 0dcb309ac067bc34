// Matching snapshot, the needs the change feed names (by id), whatever their status: one no longer open is dropped.
UNWIND $ids AS id
MATCH (n:Need {id: id})
RETURN n.id AS id, n.kind AS kind, n.status AS status, n.postedBy AS postedBy, coalesce(n.title, '') AS title,
       coalesce(n.description, '') AS description, coalesce(n.productCodes, []) AS products,
       coalesce(n.technologyCodes, []) AS techs, coalesce(n.requiredCertifications, []) AS certifications,
       n.maxDistanceKm AS maxKm, n.amountWan AS amount, n.stage AS stage, n.instrument AS instrument
ORDER BY n.id
