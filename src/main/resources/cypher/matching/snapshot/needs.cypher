// Matching snapshot, open needs (for the reverse views: the needs a firm, an institution or a fund could serve):
// what each open need asks, as the outbox projected it.
MATCH (n:Need)
WHERE n.status = 'OPEN'
RETURN n.id AS id, n.kind AS kind, n.status AS status, n.postedBy AS postedBy, coalesce(n.title, '') AS title,
       coalesce(n.description, '') AS description, coalesce(n.productCodes, []) AS products,
       coalesce(n.technologyCodes, []) AS techs, coalesce(n.requiredCertifications, []) AS certifications,
       n.maxDistanceKm AS maxKm, n.amountWan AS amount, n.stage AS stage, n.instrument AS instrument
ORDER BY n.id
