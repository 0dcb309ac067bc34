package cn.duijie.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;

import cn.duijie.common.StartupTasks;
import cn.duijie.graph.FullText;
import cn.duijie.imports.ImportCommand;
import cn.duijie.imports.ImportService;
import cn.duijie.matching.FinanceMatcher;
import cn.duijie.matching.MatchModel;
import cn.duijie.matching.SupplyMatcher;
import cn.duijie.matching.TechMatcher;
import cn.duijie.need.Need;
import cn.duijie.seed.SeedGenerator;
import io.quarkus.runtime.QuarkusApplication;
import io.smallrye.mutiny.Uni;

/**
 * Matching quality on generated data: {@code bench-quality [--enterprises 20000] [--queries 500] [--seed 1]}.
 * Generates a region and, before importing it, hides a random 20 % of its SUPPLIES, COLLABORATED_WITH and
 * INVESTED_IN edges (by pair: every row of a hidden (from, to) pair goes, so no other year or round of it gives the
 * answer away). Then, on the same graph, for a sample of the hidden edges of each kind ({@code --queries} each):
 * <ul>
 * <li>SUPPLY: asks for suppliers of the edge's product on behalf of its buyer; baselines keyword full text over firm
 * names, descriptions and products, and the best-connected maker of the product;</li>
 * <li>TECH (产学研): a TECH need the firm would write from its own technologies and products; candidates
 * (achievements, experts, institutions) are mapped to their institution; baselines keyword full text over
 * institutions and achievements, and the institutions with most collaborations in the firm's technologies;</li>
 * <li>FINANCE (投融资对接): a FINANCE need with the round and amount of the hidden investment; baselines character
 * bigram overlap of fund and firm text, and the largest portfolio among the funds whose region mandate admits the
 * firm.</li>
 * </ul>
 * and records recall@10 and MRR@10 of the hidden supplier, institution or fund. Deterministic for a seed. Runs in a
 * fresh temporary data directory.
 */
public class QualityHarness implements QuarkusApplication {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ImportService imports;
    @Inject
    StartupTasks startup;
    @Inject
    SupplyMatcher supplyMatcher;
    @Inject
    TechMatcher techMatcher;
    @Inject
    FinanceMatcher financeMatcher;
    @Inject
    Driver driver;

    /** A hidden edge file row, first column the answer (supplier, institution, fund), second the asking firm. */
    record Hidden(String answer, String firm, String[] row) {
    }

    /** Recall@10 and MRR@10 of each method over the same queries. */
    static final class Table {
        final String[] methods;
        final double[][] acc;
        int queries;

        Table(String... methods) {
            this.methods = methods;
            this.acc = new double[methods.length][2];
        }

        void print(String what, int enterprises, double seconds) {
            System.out.printf(Locale.ROOT, "%n| %s (%d firms, %d held-out edges) | recall@10 | MRR@10 |%n|---|---|---|%n",
                    what, enterprises, queries);
            for (int m = 0; m < methods.length; m++) {
                System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", methods[m], acc[m][0] / queries, acc[m][1] / queries);
            }
            System.out.printf(Locale.ROOT, "%n%d queries per method in %.1f s%n", queries, seconds);
        }
    }

    @Override
    public int run(String... args) throws Exception {
        int enterprises = 20_000;
        int queries = 500;
        long seed = 1;
        boolean sparse = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sparse" -> sparse = true;
                case "--enterprises" -> enterprises = Integer.parseInt(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!startup.awaitSchemas(Duration.ofMinutes(5))) {
            return 1;
        }
        long began = System.nanoTime();
        Path dir = Files.createTempDirectory("duijie-quality-");
        SeedGenerator.generate(dir, enterprises, SeedGenerator.DEFAULT_SEED);
        List<Hidden> supplies = hide(dir.resolve("supplies.csv"), new SplittableRandom(seed));
        List<Hidden> collaborations = hide(dir.resolve("collaborations.csv"), new SplittableRandom(seed + 10));
        List<Hidden> investments = hide(dir.resolve("investments.csv"), new SplittableRandom(seed + 20));
        List<Hidden> makes = hideMakes(dir, new SplittableRandom(seed + 30));
        if (sparse) {
            reduceToNamesAndProducts(dir);
        }
        System.out.printf("generated %d firms (%s mode); hid %d supply, %d collaboration, %d investment and %d MAKES rows; importing%n",
                enterprises, sparse ? "sparse" : "rich", supplies.size(), collaborations.size(), investments.size(), makes.size());
        Files.delete(dir.resolve("needs.csv"));
        imports.importNow("bench", ImportCommand.sources(List.of(dir.toString())));

        String mode = sparse ? "sparse: names and product lists only" : "rich";
        evaluate("SUPPLY, " + mode, enterprises, sample(supplies, queries, new SplittableRandom(seed + 1)), supplyTable(), this::supply);
        List<Hidden> discoverySample = sample(makes, queries, new SplittableRandom(seed + 31));
        evaluate("DISCOVERY, " + mode, enterprises, discoverySample, discoveryTable(), this::discovery);
        discoveryCeiling(discoverySample);
        evaluate("TECH", enterprises, sample(collaborations, queries, new SplittableRandom(seed + 11)), techTable(), this::tech);
        evaluate("FINANCE", enterprises, sample(investments, queries, new SplittableRandom(seed + 21)), financeTable(), this::finance);
        System.out.printf(Locale.ROOT, "%nwhole run (generate, import, evaluate) %.1f s%n", (System.nanoTime() - began) / 1e9);
        return 0;
    }

    interface Evaluation {
        /** Ranked answer ids of each method of the table, in the table's order. */
        List<List<String>> rank(Hidden h);
    }

    private static void evaluate(String what, int enterprises, List<Hidden> sample, Table table, Evaluation evaluation) {
        long start = System.nanoTime();
        for (Hidden h : sample) {
            List<List<String>> ranked = evaluation.rank(h);
            for (int m = 0; m < ranked.size(); m++) {
                score(table.acc[m], ranked.get(m), h.answer());
            }
            table.queries++;
        }
        table.print(what, enterprises, (System.nanoTime() - start) / 1e9);
    }

    static void score(double[] acc, List<String> ranked, String expected) {
        int rank = ranked.indexOf(expected);
        if (rank >= 0 && rank < 10) {
            acc[0] += 1;
            acc[1] += 1.0 / (rank + 1);
        }
    }

    /**
     * Removes a random 20 % of the (first column, second column) pairs of an edge file, with all their rows, and
     * returns the removed rows. Rows are split on plain commas: the key columns of the generated files are never
     * quoted.
     */
    static List<Hidden> hide(Path file, SplittableRandom rnd) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        List<Hidden> hidden = new ArrayList<>();
        Map<String, Boolean> hiddenPairs = new HashMap<>();
        kept.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (hiddenPairs.computeIfAbsent(f[0] + "," + f[1], k -> rnd.nextDouble() < 0.2)) {
                hidden.add(new Hidden(f[0], f[1], f));
            } else {
                kept.add(line);
            }
        }
        Files.write(file, kept, StandardCharsets.UTF_8);
        return hidden;
    }

    /**
     * Held-out MAKES: for a random 20 % of the firms that make two products or more, one of them (at random) is taken
     * off the firm's product list — and off its description, which names its products — before the import. Returns
     * (product, firm) pairs: can Duijie rediscover that the firm makes it?
     */
    static List<Hidden> hideMakes(Path dir, SplittableRandom rnd) throws IOException {
        Path file = dir.resolve("enterprises.csv");
        Map<String, String> productNames = new HashMap<>();
        List<String> products = Files.readAllLines(dir.resolve("products.csv"), StandardCharsets.UTF_8);
        for (String line : products.subList(1, products.size())) {
            List<String> f = csv(line);
            productNames.put(f.get(0), f.get(1));
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = csv(lines.get(0));
        int codes = header.indexOf("productCodes");
        int desc = header.indexOf("description");
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        List<Hidden> hidden = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = new ArrayList<>(csv(line));
            List<String> made = new ArrayList<>(List.of(f.get(codes).split("\\|")));
            if (made.size() >= 2 && rnd.nextDouble() < 0.2) {
                String p = made.remove(rnd.nextInt(made.size()));
                f.set(codes, String.join("|", made));
                f.set(desc, f.get(desc).replace("、" + productNames.get(p), "").replace(productNames.get(p) + "、", ""));
                hidden.add(new Hidden(f.get(0), p, new String[] {f.get(0), p}));
                out.add(csvLine(f));
            } else {
                out.add(line);
            }
        }
        Files.write(file, out, StandardCharsets.UTF_8);
        return hidden;
    }

    /**
     * The sparse mode: what real registers hold — a firm's name and its product list. Firm descriptions go, and the
     * products keep their names but lose their keywords.
     */
    static void reduceToNamesAndProducts(Path dir) throws IOException {
        blankColumn(dir.resolve("enterprises.csv"), "description");
        blankColumn(dir.resolve("products.csv"), "keywords");
    }

    private static void blankColumn(Path file, String column) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int c = csv(lines.get(0)).indexOf(column);
        List<String> out = new ArrayList<>(List.of(lines.get(0)));
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = new ArrayList<>(csv(line));
            f.set(c, "");
            out.add(csvLine(f));
        }
        Files.write(file, out, StandardCharsets.UTF_8);
    }

    /** One CSV line's fields (RFC 4180 quotes; the generator quotes fields with commas or quotes). */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    static String csvLine(List<String> fields) {
        return String.join(",", fields.stream().map(f -> f.contains(",") || f.contains("\"") || f.contains("\n")
                ? '"' + f.replace("\"", "\"\"") + '"' : f).toList());
    }

    /** Up to {@code n} distinct hidden pairs at random (the first hidden row of each pair). */
    static List<Hidden> sample(List<Hidden> hidden, int n, SplittableRandom pick) {
        Map<String, Hidden> pairs = new LinkedHashMap<>();
        hidden.forEach(h -> pairs.putIfAbsent(h.answer() + "," + h.firm(), h));
        List<Hidden> pool = new ArrayList<>(pairs.values());
        List<Hidden> out = new ArrayList<>();
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
            out.add(pool.remove(pick.nextInt(pool.size())));
        }
        return out;
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().atMost(WAIT);
    }

    private List<Record> read(String cypher, Map<String, Object> params) {
        try (Session s = driver.session()) {
            return s.run(cypher, params).list();
        }
    }

    // ---- SUPPLY ------------------------------------------------------------------------------------------------

    private static Table supplyTable() {
        return new Table("Duijie supply matching", "keyword full text (names, descriptions, products)",
                "best-connected maker of the product");
    }

    /** Hidden row: supplierCreditCode, buyerCreditCode, productCode, since. */
    private List<List<String>> supply(Hidden h) {
        String buyer = h.firm();
        String product = h.row()[2];
        Need need = new Need();
        need.id = "Q";
        need.kind = cn.duijie.domain.NeedKind.SUPPLY;
        need.postedBy = buyer;
        need.productCodes = product;
        need.title = read("MATCH (p:Product {code: $c}) RETURN p.name AS n", Map.of("c", product)).get(0).get("n").asString();
        need.requiredCertifications = "";
        List<String> duijie = await(supplyMatcher.forNeed(cn.duijie.matching.MatchQuery.of(need), Set.of(), 10)).stream().map(m -> m.candidate().id()).toList();
        String text = read("MATCH (p:Product {code: $c}) RETURN p.keywordText AS t", Map.of("c", product)).get(0).get("t").asString();
        List<String> keyword = ids(read("""
                CALL db.index.fulltext.queryNodes('enterprise_text', $q, {limit: 11}) YIELD node
                WHERE node.creditCode <> $buyer RETURN node.creditCode AS id LIMIT 10
                """, Map.of("q", FullText.escape(text), "buyer", buyer)));
        List<String> bestConnected = ids(read("""
                MATCH (c:Enterprise)-[:MAKES]->(:Product {code: $p}) WHERE c.creditCode <> $buyer
                RETURN c.creditCode AS id ORDER BY COUNT { (c)-[:SUPPLIES]->() } DESC, c.creditCode LIMIT 10
                """, Map.of("p", product, "buyer", buyer)));
        return List.of(duijie, keyword, bestConnected);
    }

    // ---- DISCOVERY (补链): held-out MAKES --------------------------------------------------------------------------

    private static Table discoveryTable() {
        return new Table("Duijie discovery (potential makers)", "keyword full text of the product (names, descriptions, products)",
                "best-connected maker of a sibling product");
    }

    /** Hidden: (firm, product). Every method leaves out the firms that list the product or a narrower one. */
    private List<List<String>> discovery(Hidden h) {
        String product = h.row()[1];
        List<String> duijie = await(supplyMatcher.potentialMakers(product, null, 10)).stream().map(m -> m.candidate().id()).toList();
        String text = read("MATCH (p:Product {code: $c}) RETURN p.keywordText AS t", Map.of("c", product)).get(0).get("t").asString();
        List<String> keyword = ids(read("""
                CALL db.index.fulltext.queryNodes('enterprise_text', $q, {limit: 300}) YIELD node
                WHERE NOT EXISTS { (node)-[:MAKES]->(:Product)-[:BROADER*0..2]->(:Product {code: $p}) }
                RETURN node.creditCode AS id LIMIT 10
                """, Map.of("q", FullText.escape(text), "p", product)));
        List<String> bestConnected = ids(read("""
                MATCH (:Product {code: $p})-[:BROADER]->(:Product)<-[:BROADER]-(sib:Product)<-[:MAKES]-(c:Enterprise)
                WHERE sib.code <> $p AND NOT EXISTS { (c)-[:MAKES]->(:Product)-[:BROADER*0..2]->(:Product {code: $p}) }
                WITH DISTINCT c
                RETURN c.creditCode AS id ORDER BY COUNT { (c)-[:SUPPLIES]->() } DESC, c.creditCode LIMIT 10
                """, Map.of("p", product)));
        return List.of(duijie, keyword, bestConnected);
    }

    /**
     * What any method can reach on the generated data's held-out MAKES. The generator gives a firm products drawn
     * uniformly from its segment and names it after its first product only; so unless the firm's name names the
     * hidden product, nothing visible tells the firm apart from any other maker of the segment's products that does
     * not list it (the pool), and the best possible chance of ranking it in the first ten is 10 / pool. Prints the
     * share of name cases and the resulting recall@10 ceiling.
     */
    private void discoveryCeiling(List<Hidden> sample) {
        int named = 0;
        double ceiling = 0;
        for (Hidden h : sample) {
            Record r = read("""
                    MATCH (f:Enterprise {creditCode: $f}), (p:Product {code: $p})
                    OPTIONAL MATCH (p)-[:IN_SEGMENT]->(:Segment)<-[:IN_SEGMENT]-(:Product)<-[:MAKES]-(c:Enterprise)
                    WHERE NOT EXISTS { (c)-[:MAKES]->(:Product)-[:BROADER*0..2]->(p) }
                    RETURN f.name AS name, p.name AS product, count(DISTINCT c) AS pool
                    """, Map.of("f", h.row()[0], "p", h.row()[1])).get(0);
            if (r.get("name").asString().contains(cn.duijie.seed.SeedGenerator.industryWord(r.get("product").asString()))) {
                named++;
                ceiling += 1;
            } else {
                ceiling += Math.min(1.0, 10.0 / Math.max(1, r.get("pool").asLong()));
            }
        }
        System.out.printf(Locale.ROOT, "DISCOVERY data ceiling: the firm's name names the hidden product in %d of %d cases (%.1f %%); "
                        + "recall@10 of any method is at most %.3f on this data%n",
                named, sample.size(), 100.0 * named / Math.max(1, sample.size()), ceiling / Math.max(1, sample.size()));
    }

    private static List<String> ids(List<Record> rows) {
        return rows.stream().map(r -> r.get("id").asString()).toList();
    }

    // ---- TECH (产学研) -------------------------------------------------------------------------------------------

    /** Achievement and expert id → the id of their institution (filled on first use; the graph does not change). */
    private final Map<String, String> institutionOf = new HashMap<>();

    private static Table techTable() {
        return new Table("Duijie 产学研 matching (top 30 achievements, experts, institutions → institution)",
                "keyword full text (institutions, achievements)",
                "institutions with most collaborations in the firm's technologies");
    }

    /**
     * Hidden row: institutionId, creditCode, year, title. The need is what the firm would write from its own profile:
     * all its technologies (title: their names; description: their keywords and the firm's products), never the
     * hidden collaboration's title or year.
     */
    private List<List<String>> tech(Hidden h) {
        if (institutionOf.isEmpty()) {
            read("MATCH (a:Achievement)-[:OWNED_BY]->(i:Institution) RETURN a.id AS k, i.id AS v", Map.of())
                    .forEach(r -> institutionOf.put(r.get("k").asString(), r.get("v").asString()));
            read("MATCH (x:Expert)-[:WORKS_AT]->(i:Institution) RETURN x.id AS k, i.id AS v", Map.of())
                    .forEach(r -> institutionOf.put(r.get("k").asString(), r.get("v").asString()));
        }
        Record firm = read("""
                MATCH (e:Enterprise {creditCode: $c})
                RETURN [(e)-[:HAS_TECH]->(t:Technology) | t {.code, .name, .keywords}] AS techs,
                       [(e)-[:MAKES]->(p:Product) | p {.code, .name}] AS products
                """, Map.of("c", h.firm())).get(0);
        List<Value> techs = sorted(firm.get("techs"));
        List<Value> products = sorted(firm.get("products"));
        Need need = new Need();
        need.id = "Q";
        need.kind = cn.duijie.domain.NeedKind.TECH;
        need.postedBy = h.firm();
        need.title = String.join("、", techs.stream().map(t -> t.get("name").asString()).toList()) + "技术攻关合作";
        List<String> keywords = techs.stream().flatMap(t -> t.get("keywords").isNull() ? Stream.<String>empty()
                : t.get("keywords").asList(Value::asString).stream()).distinct().toList();
        List<String> productNames = products.stream().map(p -> p.get("name").asString()).toList();
        need.description = "围绕" + String.join("、", keywords) + "开展技术攻关，寻求高校院所合作，提升" + String.join("、", productNames) + "性能";
        need.technologyCodes = String.join("|", techs.stream().map(t -> t.get("code").asString()).toList());
        need.productCodes = String.join("|", products.stream().map(p -> p.get("code").asString()).toList());
        need.requiredCertifications = "";

        List<String> duijie = distinct(await(techMatcher.forNeed(cn.duijie.matching.MatchQuery.of(need), Set.of(), 30)).stream().map(this::institution).toList());
        List<String> keyword = distinct(read("""
                CALL () {
                  CALL db.index.fulltext.queryNodes('institution_text', $q, {limit: 50}) YIELD node, score RETURN node, score
                  UNION ALL
                  CALL db.index.fulltext.queryNodes('achievement_text', $q, {limit: 50}) YIELD node, score RETURN node, score
                }
                WITH node, score ORDER BY score DESC, node.id
                RETURN CASE WHEN node:Institution THEN node.id ELSE head([(node)-[:OWNED_BY]->(i:Institution) | i.id]) END AS id
                """, Map.of("q", FullText.escape(need.title + " " + need.description))).stream()
                .map(r -> r.get("id").asString(null)).toList());
        List<String> mostCollaborations = ids(read("""
                MATCH (:Enterprise {creditCode: $c})-[:HAS_TECH]->(t:Technology)<-[:EXPERT_IN]-(i:Institution)
                WITH i, collect(t) AS ts
                RETURN i.id AS id, COUNT { (i)-[:COLLABORATED_WITH]->(:Enterprise)-[:HAS_TECH]->(t) WHERE t IN ts } AS n
                ORDER BY n DESC, id LIMIT 10
                """, Map.of("c", h.firm())));
        return List.of(duijie, keyword, mostCollaborations);
    }

    private String institution(MatchModel.Match m) {
        return m.candidate().type().equals("INSTITUTION") ? m.candidate().id() : institutionOf.get(m.candidate().id());
    }

    /** First occurrence of each id, nulls dropped, at most 10. */
    private static List<String> distinct(List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            if (id != null && out.size() < 10) {
                out.add(id);
            }
        }
        return List.copyOf(out);
    }

    private static List<Value> sorted(Value maps) {
        return maps.asList(v -> v).stream().sorted(Comparator.comparing(v -> v.get("code").asString())).toList();
    }

    // ---- FINANCE (投融资对接) ---------------------------------------------------------------------------------------

    record Fund(String id, String mandate, Set<String> bigrams, long portfolio) {
    }

    /** Every fund, largest portfolio first (filled on first use; the graph does not change). */
    private final List<Fund> funds = new ArrayList<>();

    private static Table financeTable() {
        return new Table("Duijie fund matching", "keyword overlap (fund name and focus vs. firm's products, segment, chain)",
                "largest portfolio among funds whose region mandate admits the firm");
    }

    /**
     * Hidden row: fundId, creditCode, round, year, amountWan. The need carries what the firm knows when it raises:
     * the round (as stage; equity instrument, or debt for a DEBT round) and the amount.
     */
    private List<List<String>> finance(Hidden h) {
        if (funds.isEmpty()) {
            read("""
                    MATCH (f:Fund)
                    RETURN f.id AS id, coalesce(f.regionMandate, '') AS mandate,
                           f.name + ' ' + reduce(s = '', n IN [(f)-[:FOCUSES_ON]->(x) | x.name] | s + ' ' + n) AS text,
                           COUNT { (f)-[:INVESTED_IN]->() } AS portfolio
                    ORDER BY portfolio DESC, id
                    """, Map.of()).forEach(r -> funds.add(new Fund(r.get("id").asString(), r.get("mandate").asString(),
                    bigrams(r.get("text").asString()), r.get("portfolio").asLong())));
        }
        String[] row = h.row();
        Record firm = read("""
                MATCH (e:Enterprise {creditCode: $c})
                RETURN e.name AS name, [(e)-[:LOCATED_IN]->(:Region)-[:WITHIN*0..2]->(r:Region) | r.code] AS regions,
                       [(e)-[:MAKES]->(p:Product) | p.name]
                       + [(e)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(s:Segment) | s.name]
                       + [(e)-[:MAKES]->(:Product)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(c:Chain) | c.name] AS words
                """, Map.of("c", h.firm())).get(0);
        Need need = new Need();
        need.id = "Q";
        need.kind = cn.duijie.domain.NeedKind.FINANCE;
        need.postedBy = h.firm();
        need.title = firm.get("name").asString() + "融资";
        need.amountWan = row[4].isEmpty() ? null : new BigDecimal(row[4]);
        need.stage = cn.duijie.domain.Vocabulary.parse(cn.duijie.domain.FundStage.class, row[2]).map(Enum::name).orElse(null);
        need.instrument = "DEBT".equals(need.stage) ? "DEBT" : "EQUITY";
        need.requiredCertifications = "";
        List<String> duijie = await(financeMatcher.forNeed(cn.duijie.matching.MatchQuery.of(need), Set.of(), 10)).stream().map(m -> m.candidate().id()).toList();

        Set<String> regions = new HashSet<>(firm.get("regions").asList(Value::asString));
        List<Fund> eligible = funds.stream().filter(f -> f.mandate().isEmpty() || regions.contains(f.mandate())).toList();
        Set<String> firmBigrams = bigrams(String.join(" ", new LinkedHashSet<>(firm.get("words").asList(Value::asString))));
        List<String> keyword = eligible.stream()
                .sorted(Comparator.comparingDouble((Fund f) -> -overlap(firmBigrams, f.bigrams())).thenComparing(Fund::id))
                .limit(10).map(Fund::id).toList();
        List<String> largest = eligible.stream().limit(10).map(Fund::id).toList();
        return List.of(duijie, keyword, largest);
    }

    /** Character bigrams of each whitespace-separated word (CJK text: what the cjk analyzer indexes). */
    static Set<String> bigrams(String text) {
        Set<String> out = new HashSet<>();
        for (String word : text.split("\\s+")) {
            for (int i = 0; i + 2 <= word.length(); i++) {
                out.add(word.substring(i, i + 2));
            }
        }
        return out;
    }

    /** Shared bigrams over the square root of the fund's bigrams (binary cosine up to the firm's constant norm). */
    static double overlap(Set<String> firm, Set<String> fund) {
        if (fund.isEmpty()) {
            return 0;
        }
        long shared = fund.stream().filter(firm::contains).count();
        return shared / Math.sqrt(fund.size());
    }
}
