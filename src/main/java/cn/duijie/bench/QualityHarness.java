package cn.duijie.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import jakarta.inject.Inject;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

import cn.duijie.common.StartupTasks;
import cn.duijie.graph.FullText;
import cn.duijie.imports.ImportCommand;
import cn.duijie.imports.ImportService;
import cn.duijie.matching.SupplyMatcher;
import cn.duijie.need.Need;
import cn.duijie.seed.SeedGenerator;
import io.quarkus.runtime.QuarkusApplication;

/**
 * Supply-pairing quality on generated data: {@code bench-quality [--enterprises 20000] [--queries 500] [--seed 1]}.
 * Generates a region, hides a random 20 % of its SUPPLIES edges before importing it, then for a sample of the hidden
 * edges asks for suppliers of the edge's product on behalf of its buyer and records where the hidden supplier
 * ranks — for Duijie and for two baselines run on the same graph: keyword full text over firm names, descriptions
 * and products, and the best-connected maker of the product. Runs in a fresh temporary data directory.
 */
public class QualityHarness implements QuarkusApplication {

    @Inject
    ImportService imports;
    @Inject
    StartupTasks startup;
    @Inject
    SupplyMatcher matcher;
    @Inject
    Driver driver;

    record Hidden(String supplier, String buyer, String product) {
    }

    @Override
    public int run(String... args) throws Exception {
        int enterprises = 20_000;
        int queries = 500;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--enterprises" -> enterprises = Integer.parseInt(args[++i]);
                case "--queries" -> queries = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (!startup.awaitSchemas(Duration.ofMinutes(5))) {
            return 1;
        }
        Path dir = Files.createTempDirectory("duijie-quality-");
        SeedGenerator.generate(dir, enterprises, SeedGenerator.DEFAULT_SEED);
        List<Hidden> hidden = hide(dir.resolve("supplies.csv"), new SplittableRandom(seed));
        System.out.printf("generated %d firms; hid %d of the supply edges; importing%n", enterprises, hidden.size());
        Files.delete(dir.resolve("needs.csv"));
        imports.importNow("bench", ImportCommand.sources(List.of(dir.toString())));

        SplittableRandom pick = new SplittableRandom(seed + 1);
        List<Hidden> sample = new ArrayList<>();
        for (int i = 0; i < queries && !hidden.isEmpty(); i++) {
            sample.add(hidden.remove(pick.nextInt(hidden.size())));
        }
        double[][] metrics = new double[3][2];
        long start = System.nanoTime();
        for (Hidden h : sample) {
            Need need = new Need();
            need.id = "Q";
            need.kind = "SUPPLY";
            need.postedBy = h.buyer();
            need.productCodes = h.product();
            need.title = productName(h.product());
            need.requiredCertifications = "";
            List<String> duijie = matcher.forNeed(need, Set.of(), 10).await().atMost(Duration.ofSeconds(30)).stream()
                    .map(m -> m.candidate().id()).toList();
            score(metrics[0], duijie, h.supplier());
            score(metrics[1], keyword(h), h.supplier());
            score(metrics[2], bestConnected(h), h.supplier());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = sample.size();
        System.out.printf(Locale.ROOT, "%n| method (%d firms, %d held-out edges) | recall@10 | MRR@10 |%n|---|---|---|%n", enterprises, n);
        String[] names = {"Duijie supply matching", "keyword full text (names, descriptions, products)", "best-connected maker of the product"};
        for (int m = 0; m < 3; m++) {
            System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", names[m], metrics[m][0] / n, metrics[m][1] / n);
        }
        System.out.printf(Locale.ROOT, "%n%d queries per method in %.1f s%n", n, seconds);
        return 0;
    }

    static void score(double[] acc, List<String> ranked, String expected) {
        int rank = ranked.indexOf(expected);
        if (rank >= 0 && rank < 10) {
            acc[0] += 1;
            acc[1] += 1.0 / (rank + 1);
        }
    }

    /** Removes a random 20 % of the supply rows from the file and returns them. */
    static List<Hidden> hide(Path supplies, SplittableRandom rnd) throws IOException {
        List<String> lines = Files.readAllLines(supplies, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>();
        List<Hidden> hidden = new ArrayList<>();
        kept.add(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (rnd.nextDouble() < 0.2) {
                hidden.add(new Hidden(f[0], f[1], f[2]));
            } else {
                kept.add(line);
            }
        }
        Files.write(supplies, kept, StandardCharsets.UTF_8);
        return hidden;
    }

    private String productName(String code) {
        try (Session s = driver.session()) {
            return s.run("MATCH (p:Product {code: $c}) RETURN p.name AS n", Map.of("c", code)).single().get("n").asString();
        }
    }

    private List<String> keyword(Hidden h) {
        try (Session s = driver.session()) {
            String text = s.run("MATCH (p:Product {code: $c}) RETURN p.keywordText AS t", Map.of("c", h.product())).single().get("t").asString();
            return s.run("""
                    CALL db.index.fulltext.queryNodes('enterprise_text', $q, {limit: 11}) YIELD node
                    WHERE node.creditCode <> $buyer RETURN node.creditCode AS id LIMIT 10
                    """, Map.of("q", FullText.escape(text), "buyer", h.buyer())).list(r -> r.get("id").asString());
        }
    }

    private List<String> bestConnected(Hidden h) {
        try (Session s = driver.session()) {
            return s.run("""
                    MATCH (c:Enterprise)-[:MAKES]->(:Product {code: $p}) WHERE c.creditCode <> $buyer
                    RETURN c.creditCode AS id ORDER BY COUNT { (c)-[:SUPPLIES]->() } DESC, c.creditCode LIMIT 10
                    """, Map.of("p", h.product(), "buyer", h.buyer())).list(r -> r.get("id").asString());
        }
    }
}
