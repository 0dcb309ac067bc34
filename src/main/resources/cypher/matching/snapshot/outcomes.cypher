// Matching snapshot, track records: MET and DEAL outcomes recorded through Duijie, per candidate, keyed TYPE:id.
// $keys: the candidates to read, or null for all of them.
MATCH (n)<-[o:MATCH_OUTCOME]-()
WHERE o.kind IN ['DEAL', 'MET'] AND (n:Enterprise OR n:Fund OR n:Achievement OR n:Institution OR n:Expert)
WITH o, CASE WHEN n:Enterprise THEN 'ENTERPRISE:' + n.creditCode WHEN n:Fund THEN 'FUND:' + n.id
             WHEN n:Achievement THEN 'ACHIEVEMENT:' + n.id WHEN n:Expert THEN 'EXPERT:' + n.id
             ELSE 'INSTITUTION:' + n.id END AS key
WHERE $keys IS NULL OR key IN $keys
RETURN key, count(CASE WHEN o.kind = 'DEAL' THEN 1 END) AS deals, count(CASE WHEN o.kind = 'MET' THEN 1 END) AS mets
