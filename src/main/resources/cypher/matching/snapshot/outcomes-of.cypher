// Matching snapshot, track records of the candidates given as TYPE:id keys ($keys), after a MET or DEAL.
UNWIND $keys AS key
WITH key, split(key, ':')[0] AS type, substring(key, size(split(key, ':')[0]) + 1) AS id
CALL (type, id) {
  MATCH (n:Enterprise {creditCode: id}) WHERE type = 'ENTERPRISE' RETURN n
  UNION
  MATCH (n:Fund {id: id}) WHERE type = 'FUND' RETURN n
  UNION
  MATCH (n:Achievement {id: id}) WHERE type = 'ACHIEVEMENT' RETURN n
  UNION
  MATCH (n:Institution {id: id}) WHERE type = 'INSTITUTION' RETURN n
  UNION
  MATCH (n:Expert {id: id}) WHERE type = 'EXPERT' RETURN n
}
RETURN key, COUNT { (n)<-[o:MATCH_OUTCOME]-() WHERE o.kind = 'DEAL' } AS deals,
       COUNT { (n)<-[o:MATCH_OUTCOME]-() WHERE o.kind = 'MET' } AS mets
