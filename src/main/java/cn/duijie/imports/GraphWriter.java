package cn.duijie.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import cn.duijie.domain.NodeKind;

/**
 * Writes validated rows of one graph-seed file into Neo4j: an idempotent MERGE by key, relationship columns
 * replaced as a whole, derived properties recomputed. Labels, relationship types and property names formatted into
 * the Cypher come only from the ImportFile enum, never from a file.
 */
final class GraphWriter {

    static final int BATCH = 5_000;

    /** A column whose values are keys of other nodes, written as relationships. */
    record Link(String column, String type, NodeKind target, boolean incoming) {
    }

    /** An edge file: one relationship per row between two keyed nodes. */
    record Edge(NodeKind from, String fromColumn, String type, NodeKind to, String toColumn, List<String> keyProperties) {
    }

    static final Map<ImportFile, List<Link>> LINKS = Map.ofEntries(
            Map.entry(ImportFile.REGIONS, List.of(new Link("parentCode", "WITHIN", NodeKind.REGION, false))),
            Map.entry(ImportFile.CHAINS, List.of()),
            Map.entry(ImportFile.SEGMENTS, List.of(new Link("chainId", "HAS_SEGMENT", NodeKind.CHAIN, true),
                    new Link("feedsSegmentIds", "FEEDS", NodeKind.SEGMENT, false))),
            Map.entry(ImportFile.PRODUCTS, List.of(new Link("segmentId", "IN_SEGMENT", NodeKind.SEGMENT, false),
                    new Link("broaderCode", "BROADER", NodeKind.PRODUCT, false))),
            Map.entry(ImportFile.TECHNOLOGIES, List.of(new Link("broaderCode", "BROADER", NodeKind.TECHNOLOGY, false),
                    new Link("segmentIds", "USED_IN", NodeKind.SEGMENT, false))),
            Map.entry(ImportFile.ENTERPRISES, List.of(new Link("regionCode", "LOCATED_IN", NodeKind.REGION, false),
                    new Link("leadsChainIds", "LEADS", NodeKind.CHAIN, false),
                    new Link("productCodes", "MAKES", NodeKind.PRODUCT, false),
                    new Link("technologyCodes", "HAS_TECH", NodeKind.TECHNOLOGY, false))),
            Map.entry(ImportFile.INSTITUTIONS, List.of(new Link("regionCode", "LOCATED_IN", NodeKind.REGION, false),
                    new Link("technologyCodes", "EXPERT_IN", NodeKind.TECHNOLOGY, false))),
            Map.entry(ImportFile.EXPERTS, List.of(new Link("institutionId", "WORKS_AT", NodeKind.INSTITUTION, false),
                    new Link("technologyCodes", "EXPERT_IN", NodeKind.TECHNOLOGY, false))),
            Map.entry(ImportFile.ACHIEVEMENTS, List.of(new Link("institutionId", "OWNED_BY", NodeKind.INSTITUTION, false),
                    new Link("technologyCodes", "ABOUT", NodeKind.TECHNOLOGY, false),
                    new Link("productCodes", "APPLIES_TO", NodeKind.PRODUCT, false))),
            Map.entry(ImportFile.INVESTORS, List.of(new Link("regionCode", "LOCATED_IN", NodeKind.REGION, false))),
            Map.entry(ImportFile.FUNDS, List.of(new Link("investorId", "MANAGES", NodeKind.INVESTOR, true),
                    new Link("chainIds", "FOCUSES_ON", NodeKind.CHAIN, false),
                    new Link("segmentIds", "FOCUSES_ON", NodeKind.SEGMENT, false))));

    static final Map<ImportFile, Edge> EDGES = Map.of(
            ImportFile.SUPPLIES, new Edge(NodeKind.ENTERPRISE, "supplierCreditCode", "SUPPLIES", NodeKind.ENTERPRISE, "buyerCreditCode", List.of()),
            ImportFile.COLLABORATIONS, new Edge(NodeKind.INSTITUTION, "institutionId", "COLLABORATED_WITH", NodeKind.ENTERPRISE, "creditCode", List.of("year")),
            ImportFile.INVESTMENTS, new Edge(NodeKind.FUND, "fundId", "INVESTED_IN", NodeKind.ENTERPRISE, "creditCode", List.of("round")));

    private static final Map<ImportFile, String> DERIVED = Map.of(
            ImportFile.REGIONS, """
                    SET n.location = CASE WHEN n.lat IS NULL OR n.lon IS NULL THEN null
                                          ELSE point({latitude: n.lat, longitude: n.lon}) END""",
            ImportFile.PRODUCTS, "SET n.keywordText = reduce(s = n.name, k IN coalesce(n.keywords, []) | s + ' ' + k)",
            ImportFile.TECHNOLOGIES, "SET n.keywordText = reduce(s = n.name, k IN coalesce(n.keywords, []) | s + ' ' + k)",
            ImportFile.ENTERPRISES, """
                    OPTIONAL MATCH (n)-[:LOCATED_IN]->(r:Region)
                    OPTIONAL MATCH (r)-[:WITHIN]->(parent:Region)
                    WITH n, coalesce(r.location, parent.location) AS regionLocation
                    CALL (n) { OPTIONAL MATCH (n)-[:MAKES]->(p:Product) RETURN collect(p.name) AS names }
                    SET n.location = CASE WHEN n.lat IS NOT NULL AND n.lon IS NOT NULL
                                          THEN point({latitude: n.lat, longitude: n.lon}) ELSE regionLocation END,
                        n.productText = reduce(s = '', x IN names | s + ' ' + x),
                        n.tier = coalesce(n.tier, 'NONE'),
                        n.isChainLeader = coalesce(n.isChainLeader, false),
                        n.listed = coalesce(n.listed, false),
                        n.certifications = coalesce(n.certifications, [])
                    // an import that changes a firm's tier records the day (the climb on the cultivation desk)
                    WITH n, coalesce(n.tierHistory, []) AS history
                    WITH n, history, CASE WHEN size(history) = 0 THEN 'NONE' ELSE split(history[-1], ':')[0] END AS lastTier
                    SET n.tierHistory = CASE WHEN lastTier <> n.tier THEN history + [n.tier + ':' + toString(date())] ELSE history END""",
            ImportFile.INSTITUTIONS, """
                    OPTIONAL MATCH (n)-[:LOCATED_IN]->(r:Region)
                    OPTIONAL MATCH (r)-[:WITHIN]->(parent:Region)
                    SET n.location = coalesce(r.location, parent.location)""");

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(GraphWriter.class);
    private final Driver driver;

    GraphWriter(Driver driver) {
        this.driver = driver;
    }

    static String label(ImportFile file) {
        return file.creates.label();
    }

    static String key(ImportFile file) {
        return file.creates.key();
    }

    static boolean isEdgeFile(ImportFile file) {
        return EDGES.containsKey(file);
    }

    /** Existing import hashes by row key (node files) or by row index (edge files). */
    Map<String, String> existingHashes(ImportFile file, List<Map<String, Object>> rows) {
        long start = System.nanoTime();
        Map<String, String> out = new HashMap<>();
        try (Session session = driver.session()) {
            // a first import of a kind needs no lookups: the count store answers at once
            String any = isEdgeFile(file) ? "MATCH ()-[r:" + EDGES.get(file).type() + "]->() RETURN count(r) AS n"
                    : "MATCH (n:" + label(file) + ") RETURN count(n) AS n";
            if (session.run(any).single().get("n").asLong() == 0) {
                return out;
            }
            for (int from = 0; from < rows.size(); from += BATCH * 5) {
                List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH * 5));
                String cypher;
                if (isEdgeFile(file)) {
                    Edge e = EDGES.get(file);
                    cypher = "UNWIND $rows AS row MATCH (a:" + e.from().label() + " {" + e.from().key() + ": row.a})-[r:" + e.type()
                            + "]->(b:" + e.to().label() + " {" + e.to().key() + ": row.b}) " + keyPropertyFilter(e)
                            + " RETURN row.rowKey AS k, r.importHash AS h";
                } else {
                    cypher = "UNWIND $rows AS row MATCH (n:" + label(file) + " {" + key(file) + ": row.rowKey}) "
                            + "RETURN row.rowKey AS k, n.importHash AS h";
                }
                session.run(cypher, Map.of("rows", batch)).forEachRemaining(r -> {
                    if (!r.get("h").isNull()) {
                        out.put(r.get("k").asString(), r.get("h").asString());
                    }
                });
            }
        }
        LOG.debugf("existing hashes of %d %s rows in %d ms", (Object) rows.size(), file, (System.nanoTime() - start) / 1_000_000);
        return out;
    }

    private static String keyPropertyFilter(Edge e) {
        if (e.keyProperties().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (String p : e.keyProperties()) {
            parts.add("r." + p + " = row.props." + p);
        }
        return "WHERE " + String.join(" AND ", parts);
    }

    /**
     * Writes the rows (each: rowKey, hash, props, links, and for edge files a and b) in batches. Rows new to the
     * graph are created in one statement with all their relationships; changed rows are merged and their
     * relationship columns replaced. {@code written} is told how many rows each batch of their first statement wrote.
     */
    void write(ImportFile file, List<Map<String, Object>> created, List<Map<String, Object>> updated, Set<String> presentColumns,
               java.util.function.IntConsumer written) {
        try (Session session = driver.session()) {
            if (isEdgeFile(file)) {
                Edge e = EDGES.get(file);
                StringBuilder keyMap = new StringBuilder();
                for (String p : e.keyProperties()) {
                    keyMap.append(keyMap.isEmpty() ? " {" : ", ").append(p).append(": row.props.").append(p);
                }
                if (!keyMap.isEmpty()) {
                    keyMap.append('}');
                }
                String match = "UNWIND $rows AS row MATCH (a:" + e.from().label() + " {" + e.from().key() + ": row.a}) "
                        + "MATCH (b:" + e.to().label() + " {" + e.to().key() + ": row.b}) ";
                batches(session, match + "CREATE (a)-[r:" + e.type() + "]->(b) SET r += row.props, r.importHash = row.hash", created, written);
                batches(session, match + "MERGE (a)-[r:" + e.type() + keyMap + "]->(b) SET r += row.props, r.importHash = row.hash", updated, written);
                return;
            }
            List<Link> links = LINKS.getOrDefault(file, List.of()).stream().filter(l -> presentColumns.contains(l.column())).toList();
            // new nodes: CREATE (the unique constraint still guards the key) with every relationship in one pass
            StringBuilder create = new StringBuilder("UNWIND $rows AS row CREATE (n:" + label(file) + " {" + key(file)
                    + ": row.rowKey}) SET n += row.props, n.importHash = row.hash ");
            if (!links.isEmpty()) {
                create.append("WITH n, row ");
            }
            for (Link link : links) {
                create.append("CALL (n, row) { UNWIND row.links.").append(link.column()).append(" AS ref MATCH (t:")
                        .append(link.target().label()).append(" {").append(link.target().key()).append(": ref}) ")
                        .append(link.incoming() ? "CREATE (t)-[:" + link.type() + "]->(n)" : "CREATE (n)-[:" + link.type() + "]->(t)")
                        .append(" } ");
            }
            String derived = DERIVED.get(file);
            if (derived != null) {
                create.append("WITH n ").append(derived);
            }
            batches(session, create.toString().strip(), created, written);
            // changed nodes: merge, then replace each relationship column present in the file
            batches(session, "UNWIND $rows AS row MERGE (n:" + label(file) + " {" + key(file) + ": row.rowKey}) "
                    + "SET n += row.props, n.importHash = row.hash", updated, written);
            for (Link link : links) {
                String old = link.incoming()
                        ? "(n)<-[old:" + link.type() + "]-(:" + link.target().label() + ")"
                        : "(n)-[old:" + link.type() + "]->(:" + link.target().label() + ")";
                // CREATE, not MERGE: the old relationships were just deleted and the key list is deduplicated
                String rel = link.incoming() ? "CREATE (t)-[:" + link.type() + "]->(n)" : "CREATE (n)-[:" + link.type() + "]->(t)";
                batches(session, "UNWIND $rows AS row MATCH (n:" + label(file) + " {" + key(file) + ": row.rowKey}) "
                        + "CALL (n) { MATCH " + old + " DELETE old } "
                        + "WITH n, row UNWIND row.links." + link.column() + " AS ref "
                        + "MATCH (t:" + link.target().label() + " {" + link.target().key() + ": ref}) " + rel, updated);
            }
            if (derived != null) {
                batches(session, "UNWIND $rows AS row MATCH (n:" + label(file) + " {" + key(file) + ": row.rowKey}) "
                        + "WITH n " + derived, updated);
            }
        }
    }

    private static void batches(Session session, String cypher, List<Map<String, Object>> rows) {
        batches(session, cypher, rows, n -> { });
    }

    private static void batches(Session session, String cypher, List<Map<String, Object>> rows, java.util.function.IntConsumer written) {
        if (rows.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            session.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("rows", batch)).consume());
            written.accept(batch.size());
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf("%d rows in %d ms: %s", (Object) rows.size(), (System.nanoTime() - start) / 1_000_000,
                    cypher.length() > 160 ? cypher.substring(0, 160) : cypher);
        }
    }

    /** All keys of a node kind in the graph, for reference checks. */
    Set<String> keys(NodeKind ref) {
        Set<String> out = new java.util.HashSet<>();
        try (Session session = driver.session()) {
            session.run("MATCH (n:" + ref.label() + ") RETURN n." + ref.key() + " AS k")
                    .forEachRemaining(r -> out.add(r.get("k").asString()));
        }
        return out;
    }

    /** Where each kind of party is located: the region a key of that kind belongs to (ImportScope). */
    private static final Map<NodeKind, String> PLACE_OF = Map.of(
            NodeKind.ENTERPRISE, "MATCH (n:Enterprise {creditCode: k})-[:LOCATED_IN]->(r:Region)",
            NodeKind.INSTITUTION, "MATCH (n:Institution {id: k})-[:LOCATED_IN]->(r:Region)",
            NodeKind.INVESTOR, "MATCH (n:Investor {id: k})-[:LOCATED_IN]->(r:Region)",
            NodeKind.FUND, "MATCH (n:Fund {id: k})<-[:MANAGES]-(:Investor)-[:LOCATED_IN]->(r:Region)",
            NodeKind.EXPERT, "MATCH (n:Expert {id: k})-[:WORKS_AT]->(:Institution)-[:LOCATED_IN]->(r:Region)",
            NodeKind.ACHIEVEMENT, "MATCH (n:Achievement {id: k})-[:OWNED_BY]->(:Institution)-[:LOCATED_IN]->(r:Region)");

    /** The region codes of those of the keys that exist and are located (key → region code). */
    Map<String, String> regionsOf(NodeKind kind, java.util.Collection<String> keys) {
        Map<String, String> out = new HashMap<>();
        String match = PLACE_OF.get(kind);
        if (match == null || keys.isEmpty()) {
            return out;
        }
        try (Session session = driver.session()) {
            session.run("UNWIND $keys AS k " + match + " RETURN k, r.code AS code", Map.of("keys", List.copyOf(keys)))
                    .forEachRemaining(r -> out.put(r.get("k").asString(), r.get("code").asString()));
        }
        return out;
    }

    /** Existing firms as (creditCode, name, regionCode), for the duplicate check. */
    /**
     * Credit code, name and region of the firms sharing one of these duplicate keys — of every firm while some firm
     * imported before the key existed has not got it yet ({@code allKeyed} false: {@link DuplicateKeyBackfill}).
     */
    List<String[]> enterpriseNames(List<String> duplicateKeys, boolean allKeyed) {
        List<String[]> out = new ArrayList<>();
        try (Session session = driver.session()) {
            session.run(allKeyed
                            ? "MATCH (e:Enterprise) WHERE e.duplicateKey IN $keys RETURN e.creditCode AS c, e.name AS n, e.regionCode AS r"
                            : "MATCH (e:Enterprise) RETURN e.creditCode AS c, e.name AS n, e.regionCode AS r",
                    Map.of("keys", duplicateKeys))
                    .forEachRemaining(r -> out.add(new String[] {r.get("c").asString(), r.get("n").asString(""),
                            r.get("r").asString("")}));
        }
        return out;
    }
}
