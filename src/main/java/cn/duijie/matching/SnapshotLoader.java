package cn.duijie.matching;

import cn.duijie.domain.CandidateType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import cn.duijie.graph.Graph;

/** Reads each part of the matching snapshot from the graph, with the Cypher in cypher/matching/snapshot/. Blocking. */
@ApplicationScoped
class SnapshotLoader {

    private static final String FIRM_KEYS = Graph.cypher("matching/snapshot/firm-keys.cypher");
    private static final String FIRMS = Graph.cypher("matching/snapshot/firms.cypher");
    private static final String PRODUCTS = Graph.cypher("matching/snapshot/products.cypher");
    private static final String SEGMENTS = Graph.cypher("matching/snapshot/segments.cypher");
    private static final String CHAINS = Graph.cypher("matching/snapshot/chains.cypher");
    private static final String REGIONS = Graph.cypher("matching/snapshot/regions.cypher");
    private static final String FUNDS = Graph.cypher("matching/snapshot/funds.cypher");
    private static final String NEEDS = Graph.cypher("matching/snapshot/needs.cypher");
    private static final String NEEDS_OF = Graph.cypher("matching/snapshot/needs-of.cypher");
    private static final String TECHNOLOGIES = Graph.cypher("matching/snapshot/technologies.cypher");
    private static final String INSTITUTIONS = Graph.cypher("matching/snapshot/institutions.cypher");
    private static final String ACHIEVEMENTS = Graph.cypher("matching/snapshot/achievements.cypher");
    private static final String EXPERTS = Graph.cypher("matching/snapshot/experts.cypher");
    private static final String OUTCOMES = Graph.cypher("matching/snapshot/outcomes.cypher");
    private static final String OUTCOMES_OF = Graph.cypher("matching/snapshot/outcomes-of.cypher");

    private final Driver driver;
    private final MatchingConfig.Tree tree;

    SnapshotLoader(Driver driver, MatchingConfig config) {
        this.driver = driver;
        this.tree = config.tree();
    }

    List<String> firmKeys() {
        try (Session session = driver.session()) {
            return session.run(FIRM_KEYS).list(r -> r.get("id").asString());
        }
    }

    /** The firms of these keys as the graph holds them now; keys without a firm are missing from the result. */
    Map<String, FirmsAndProducts.Firm> firms(List<String> keys) {
        Map<String, FirmsAndProducts.Firm> out = new LinkedHashMap<>();
        try (Session session = driver.session()) {
            session.run(FIRMS, Map.of("keys", keys)).forEachRemaining(r -> {
                String id = r.get("id").asString();
                out.put(id, new FirmsAndProducts.Firm(-1, id, r.get("name").asString(""), r.get("region").asString(null),
                        r.get("employees").isNull() ? null : r.get("employees").asLong(), r.get("leader").asBoolean(),
                        num(r.get("lat")), num(r.get("lon")), cn.duijie.domain.Tier.of(r.get("tier").asString(null)), strings(r, "certs"),
                        strings(r, "makes"), supplies(r), strings(r, "techs"), strings(r, "leads"),
                        r.get("descriptionLength").asInt(0), firmWords(r)));
            });
        }
        return out;
    }

    /** What matching reads of a firm's text: the words of its name, description and the names of its products. */
    private static List<String> firmWords(Record r) {
        List<String> texts = new ArrayList<>();
        texts.add(r.get("name").asString(""));
        texts.add(r.get("description").asString(""));
        texts.addAll(strings(r, "productNames"));
        return Words.of(texts);
    }

    FirmsAndProducts.Taxonomy taxonomy() {
        Map<String, String> names = new HashMap<>();
        Map<String, String> productSegment = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        Map<String, String> segmentNames = new HashMap<>();
        Map<String, List<String>> feeds = new HashMap<>();
        Map<String, String> segmentChain = new HashMap<>();
        Map<String, String> chainNames = new HashMap<>();
        Map<String, List<String>> keywords = new HashMap<>();
        try (Session session = driver.session()) {
            session.run(PRODUCTS).forEachRemaining(r -> {
                String code = r.get("code").asString();
                names.put(code, r.get("name").asString(""));
                keywords.put(code, strings(r, "keywords"));
                if (!r.get("segment").isNull()) {
                    productSegment.put(code, r.get("segment").asString());
                }
                if (!r.get("broader").isNull()) {
                    parent.put(code, r.get("broader").asString());
                }
            });
            session.run(SEGMENTS).forEachRemaining(r -> {
                String id = r.get("id").asString();
                segmentNames.put(id, r.get("name").asString(""));
                feeds.put(id, strings(r, "feeds"));
                if (!r.get("chain").isNull()) {
                    segmentChain.put(id, r.get("chain").asString());
                }
            });
            session.run(CHAINS).forEachRemaining(r -> chainNames.put(r.get("id").asString(), r.get("name").asString("")));
        }
        return new FirmsAndProducts.Taxonomy(names, productSegment, parent, segmentNames, feeds, segmentChain, chainNames, keywords);
    }

    Regions regions() {
        Map<String, String> parent = new HashMap<>();
        Map<String, String> level = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        try (Session session = driver.session()) {
            session.run(REGIONS).forEachRemaining(r -> {
                level.put(r.get("code").asString(), r.get("level").asString(""));
                names.put(r.get("code").asString(), r.get("name").asString(""));
                if (!r.get("parent").isNull()) {
                    parent.put(r.get("code").asString(), r.get("parent").asString());
                }
            });
        }
        return new Regions(Map.copyOf(parent), Map.copyOf(level), Map.copyOf(names));
    }

    Funds funds() {
        Map<String, Funds.Fund> funds = new LinkedHashMap<>();
        try (Session session = driver.session()) {
            session.run(FUNDS).forEachRemaining(r -> funds.put(r.get("id").asString(), new Funds.Fund(r.get("id").asString(),
                    r.get("name").asString(""), r.get("region").asString(null), strings(r, "stages"), strings(r, "instruments"),
                    r.get("min").isNull() ? null : r.get("min").asDouble(), r.get("max").isNull() ? null : r.get("max").asDouble(),
                    r.get("mandate").asString(""), strings(r, "chains"), strings(r, "segments"), strings(r, "portfolio"),
                    Funds.Fund.trackKey(r.get("id").asString()))));
        }
        return Funds.of(funds);
    }

    /** The open needs among {@code ids} as they are in the graph now, or every open need when ids is null. */
    Map<String, MatchQuery> needs(List<String> ids) {
        Map<String, MatchQuery> out = new LinkedHashMap<>();
        try (Session session = driver.session()) {
            var result = ids == null ? session.run(NEEDS) : session.run(NEEDS_OF, Map.of("ids", ids));
            result.forEachRemaining(r -> {
                if ("OPEN".equals(r.get("status").asString(null)) && !r.get("kind").isNull()) {
                    String id = r.get("id").asString();
                    out.put(id, new MatchQuery(id, r.get("kind").asString(), r.get("postedBy").asString(null),
                            r.get("title").asString(""), r.get("description").asString(""), strings(r, "products"),
                            strings(r, "techs"), strings(r, "certifications"), decimal(r.get("maxKm")),
                            decimal(r.get("amount")), r.get("stage").asString(null), r.get("instrument").asString(null)));
                }
            });
        }
        return out;
    }

    Research research() {
        Map<String, String> techParent = new HashMap<>();
        Map<String, List<String>> techChildren = new HashMap<>();
        Map<String, String> techNames = new HashMap<>();
        Map<String, List<String>> techKeywords = new HashMap<>();
        Map<String, Research.Institution> institutions = new HashMap<>();
        Map<String, List<Research.Party>> byTech = new HashMap<>();
        Map<String, Research.Party> institutionParties = new HashMap<>();
        Map<String, List<Research.Party>> byProduct = new HashMap<>();
        Map<String, Research.Party> achievements = new HashMap<>();
        Map<String, List<Research.Party>> byInstitution = new HashMap<>();
        Map<String, Research.Party> experts = new HashMap<>();
        try (Session session = driver.session()) {
            session.run(TECHNOLOGIES).forEachRemaining(r -> {
                String c = r.get("code").asString();
                techNames.put(c, r.get("name").asString(""));
                techKeywords.put(c, strings(r, "keywords"));
                if (!r.get("broader").isNull()) {
                    techParent.put(c, r.get("broader").asString());
                    techChildren.computeIfAbsent(r.get("broader").asString(), k -> new ArrayList<>()).add(c);
                }
            });
            session.run(INSTITUTIONS).forEachRemaining(r -> {
                String id = r.get("id").asString();
                List<String> partners = strings(r, "partners");
                institutions.put(id, new Research.Institution(id, r.get("name").asString(""), r.get("region").asString(null),
                        num(r.get("lat")), num(r.get("lon")), partners.size(), Set.copyOf(partners)));
                Research.Party party = new Research.Party(CandidateType.INSTITUTION, id, r.get("name").asString(""), null, id,
                        strings(r, "techs"), List.of());
                institutionParties.put(id, party);
                party.techs().forEach(t -> byTech.computeIfAbsent(t, k -> new ArrayList<>()).add(party));
            });
            session.run(ACHIEVEMENTS).forEachRemaining(r -> {
                Research.Party party = new Research.Party(CandidateType.ACHIEVEMENT, r.get("id").asString(), r.get("title").asString(""),
                        r.get("trl").isNull() ? null : r.get("trl").asInt(), r.get("institution").asString(null),
                        strings(r, "techs"), strings(r, "products"));
                if (party.institutionId() != null) {
                    byInstitution.computeIfAbsent(party.institutionId(), k -> new ArrayList<>()).add(party);
                }
                achievements.put(party.id(), party);
                party.techs().forEach(t -> byTech.computeIfAbsent(t, k -> new ArrayList<>()).add(party));
                party.products().forEach(p -> byProduct.computeIfAbsent(p, k -> new ArrayList<>()).add(party));
            });
            session.run(EXPERTS).forEachRemaining(r -> {
                Research.Party party = new Research.Party(CandidateType.EXPERT, r.get("id").asString(), r.get("name").asString(""), null,
                        r.get("institution").asString(null), strings(r, "techs"), List.of());
                experts.put(party.id(), party);
                party.techs().forEach(t -> byTech.computeIfAbsent(t, k -> new ArrayList<>()).add(party));
            });
        }
        return new Research(techParent, techChildren, techNames, byTech, byProduct, achievements, institutionParties,
                institutions, byInstitution, experts, Map.copyOf(techKeywords));
    }

    /** Track records of the given keys (TYPE:id), or of every candidate when keys is null. */
    Map<String, TrackRecords.Track> outcomes(List<String> keys) {
        Map<String, TrackRecords.Track> out = new HashMap<>();
        try (Session session = driver.session()) {
            var result = keys == null ? session.run(OUTCOMES, java.util.Collections.singletonMap("keys", null))
                    : session.run(OUTCOMES_OF, Map.of("keys", keys));
            result.forEachRemaining(r -> out.put(r.get("key").asString(),
                    new TrackRecords.Track(r.get("deals").asInt(), r.get("mets").asInt())));
        }
        return out;
    }

    MatchingConfig.Tree tree() {
        return tree;
    }

    private static List<FirmsAndProducts.Supply> supplies(Record r) {
        Value v = r.get("supplies");
        return v.isNull() ? List.of() : List.copyOf(v.asList(e -> new FirmsAndProducts.Supply(e.get(0).asString(), e.get(1).asString(null))));
    }

    private static List<String> strings(Record r, String key) {
        Value v = r.get(key);
        return v.isNull() ? List.of() : List.copyOf(v.asList(Value::asString));
    }

    /** A number the outbox projected (a JSON number, or its text for a decimal), or null. */
    private static Double decimal(Value v) {
        if (v.isNull()) {
            return null;
        }
        return switch (v.type().name()) {
            case "INTEGER", "FLOAT" -> v.asDouble();
            case "STRING" -> {
                try {
                    yield Double.valueOf(v.asString());
                } catch (NumberFormatException e) {
                    yield null;
                }
            }
            default -> null;
        };
    }

    private static double num(Value v) {
        return v.isNull() ? Double.NaN : v.asDouble();
    }
}
