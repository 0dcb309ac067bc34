// All chains with how many segments, products and leaders each has.
MATCH (c:Chain)
RETURN c {.id, .name, .description,
          segments: COUNT { (c)-[:HAS_SEGMENT]->() },
          products: COUNT { (c)-[:HAS_SEGMENT]->()<-[:IN_SEGMENT]-(:Product) },
          leaders: COUNT { (c)<-[:LEADS]-() }} AS chain
ORDER BY c.id
