// Supply risk: every SUPPLIES edge into the given buyers, with what it carries (product, yearly volume in 万元).
// Parameters: $buyers — credit codes of the buying firms.
UNWIND $buyers AS buyer
MATCH (s:Enterprise)-[x:SUPPLIES]->(:Enterprise {creditCode: buyer})
RETURN buyer, s.creditCode AS supplier, x.productCode AS product, x.volumeWan AS volumeWan
ORDER BY buyer, product, supplier
