package cn.duijie.seed;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import cn.duijie.common.CreditCode;

/**
 * Writes a region in the graph-seed format: the reference data (Jiangsu's divisions, six chains with their segment,
 * product and technology trees, real universities) plus fictional firms, supply edges, experts, achievements,
 * collaborations, investors, funds, investments and needs, at any size. Deterministic: the same seed and size give
 * byte-identical files. {@code generate --out DIR [--enterprises N] [--seed S]}.
 */
public final class SeedGenerator {

    public static final long DEFAULT_SEED = 20261124L;
    static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** The ladder, lowest first, as {@link cn.duijie.domain.Tier} declares it (TIER_SHARE gives each rung its share). */
    static final String[] TIERS = cn.duijie.domain.Vocabulary.names(cn.duijie.domain.Tier.class).toArray(String[]::new);
    static final double[] TIER_SHARE = {0.70, 0.18, 0.08, 0.032, 0.006, 0.002};
    /** Cities the cultivation plans come from get more firms; the chains each city pursues get more of them. */
    static final Map<String, Double> CITY_WEIGHT = Map.ofEntries(
            Map.entry("321000", 3.0), Map.entry("321100", 3.0), Map.entry("320500", 3.5), Map.entry("320800", 2.5),
            Map.entry("320700", 2.5), Map.entry("320100", 1.5), Map.entry("320200", 1.5), Map.entry("320400", 1.2));
    static final Map<String, String> CITY_CHAINS = Map.ofEntries(
            Map.entry("321000", "EQP,NEV,PWR"), Map.entry("321100", "MAT,EQP,NEV"), Map.entry("320500", "IC,BIO,NEV,EQP"),
            Map.entry("320800", "MAT,IC,BIO"), Map.entry("320700", "BIO,MAT,PWR"), Map.entry("320200", "IC,EQP"),
            Map.entry("320400", "PWR,NEV"), Map.entry("320100", "IC,BIO"), Map.entry("320600", "EQP,PWR"),
            Map.entry("320900", "NEV,PWR"), Map.entry("321200", "BIO,PWR"), Map.entry("320300", "EQP"),
            Map.entry("321300", "MAT"));
    static final Map<String, String> CHAIN_CERTS = Map.of("NEV", "IATF16949", "BIO", "ISO13485|GMP", "EQP", "ISO14001",
            "IC", "ISO14001", "PWR", "ISO14001", "MAT", "ISO14001");
    static final String[] NAME_WORDS = ("恒 瑞 华 鑫 宏 远 达 通 泰 盛 丰 源 德 信 安 康 明 科 创 新 精 锐 博 凯 正 金 华 联 微 芯 光 "
            + "润 扬 嘉 昊 晟 宸 翔 峰 汇 腾 航 智 迈 晶 海 天 中 长 江 淮 隆 祥 卓 越 睿 辰 启 元 弘 毅 铭 鼎 立 格").split(" ");
    static final String[] SURNAMES = "王 李 张 刘 陈 杨 赵 黄 周 吴 徐 孙 胡 朱 高 林 何 郭 马 罗 梁 宋 郑 谢 韩 唐 冯 于 董 萧 程 曹 袁 邓 许 傅 沈 曾 彭 吕".split(" ");
    static final String[] GIVEN = "伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 文 华 建 国 志 宏 海 鹏 宇 晨 琳 博 思 然 浩 轩 睿 哲".split(" ");

    record Region(String code, String name, String level, String parent, double lat, double lon) {
    }

    record Segment(String id, String chain, String stage, String name, List<String> feeds) {
    }

    record Product(String code, String name, String segment, String broader, List<String> keywords) {
    }

    record Tech(String code, String name, String broader, List<String> segments, List<String> keywords) {
    }

    record Firm(String code, String name, String region, String city, String chain, String segment, String tier,
                boolean leader, int employees, double lat, double lon, List<String> products, List<String> techs,
                List<String> certs) {
    }

    record Institution(String id, String name, String kind, String region, List<String> chains, String description,
                       List<String> techs) {
    }

    private final SplittableRandom rnd;
    private final long seed;
    private final int enterprises;
    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final List<String[]> chains = new ArrayList<>();
    private final Map<String, Segment> segments = new LinkedHashMap<>();
    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, Tech> techs = new LinkedHashMap<>();
    private final List<String[]> realInstitutions = new ArrayList<>();

    SeedGenerator(int enterprises, long seed) {
        this.enterprises = enterprises;
        this.rnd = new SplittableRandom(seed);
        this.seed = seed;
        loadRegions();
        loadChains();
        loadInstitutions();
    }

    public static void main(String... args) {
        Path out = null;
        int n = 2000;
        long seed = DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--enterprises" -> n = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: generate --out DIR [--enterprises N] [--seed S]");
            }
        }
        if (out == null) {
            throw new IllegalArgumentException("usage: generate --out DIR [--enterprises N] [--seed S]");
        }
        long start = System.nanoTime();
        generate(out, n, seed);
        System.out.printf("wrote %d enterprises to %s in %.1f s%n", n, out.toAbsolutePath(), (System.nanoTime() - start) / 1e9);
    }

    public static void generate(Path out, int enterprises, long seed) {
        try {
            Files.createDirectories(out);
            new SeedGenerator(enterprises, seed).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- reference data ---------------------------------------------------------------------------------------

    private static List<String> lines(String resource) {
        try (InputStream in = SeedGenerator.class.getResourceAsStream("/seed/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing /seed/" + resource);
            }
            List<String> out = new ArrayList<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void loadRegions() {
        List<String> l = lines("regions.csv");
        for (String line : l.subList(1, l.size())) {
            String[] f = line.split(",", -1);
            regions.put(f[0], new Region(f[0], f[1], f[2], f[3], Double.parseDouble(f[4]), Double.parseDouble(f[5])));
        }
    }

    private void loadChains() {
        int p = 0;
        int t = 0;
        for (String line : lines("chains.txt")) {
            String[] f = line.split("\\|", -1);
            switch (f[0]) {
                case "C" -> chains.add(new String[] {f[1], f[2], f[3]});
                case "S" -> segments.put(f[1], new Segment(f[1], f[1].substring(0, f[1].indexOf('-')), f[2], f[3],
                        f[4].isBlank() ? List.of() : List.of(f[4].split(","))));
                case "P" -> {
                    String[] broader = f[2].split(":");
                    String broaderCode = String.format("P%04d", ++p);
                    products.put(broaderCode, new Product(broaderCode, broader[0], f[1], null, List.of(broader[1].split(" "))));
                    for (String narrow : f[3].split(";")) {
                        String[] nk = narrow.split(":");
                        String code = String.format("P%04d", ++p);
                        products.put(code, new Product(code, nk[0], f[1], broaderCode, List.of(nk[1].split(" "))));
                    }
                }
                case "T" -> {
                    List<String> segs = List.of(f[1].split(","));
                    String[] broader = f[2].split(":");
                    String broaderCode = String.format("T%03d", ++t);
                    techs.put(broaderCode, new Tech(broaderCode, broader[0], null, segs, List.of(broader[1].split(" "))));
                    for (String narrow : f[3].split(";")) {
                        String[] nk = narrow.split(":");
                        String code = String.format("T%03d", ++t);
                        techs.put(code, new Tech(code, nk[0], broaderCode, segs, List.of(nk[1].split(" "))));
                    }
                }
                default -> throw new IllegalStateException("bad line in chains.txt: " + line);
            }
        }
    }

    private void loadInstitutions() {
        for (String line : lines("institutions.txt")) {
            realInstitutions.add(line.split("\\|", -1));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private <T> T pick(List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    private int weighted(double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double x = rnd.nextDouble() * sum;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private String creditCode(String regionCode, Set<String> used) {
        while (true) {
            StringBuilder sb = new StringBuilder("91").append(regionCode);
            for (int i = 0; i < 9; i++) {
                sb.append(CREDIT_CHARS.charAt(rnd.nextInt(CREDIT_CHARS.length())));
            }
            String code = sb.toString() + CreditCode.checkCharacter(sb.toString());
            if (used.add(code)) {
                return code;
            }
        }
    }

    private String personName() {
        return pick(List.of(SURNAMES)) + pick(List.of(GIVEN)) + (rnd.nextInt(3) == 0 ? "" : pick(List.of(GIVEN)));
    }

    private String brand() {
        return NAME_WORDS[rnd.nextInt(NAME_WORDS.length)] + NAME_WORDS[rnd.nextInt(NAME_WORDS.length)];
    }

    static double km(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLon / 2) * Math.sin(dLon / 2);
        return 6371 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a));
    }

    /** The word of a product's name that a maker's name carries (its first product's, without 系统/总成/设备/材料). */
    public static String industryWord(String productName) {
        return productName.replaceAll("(系统|总成|设备|材料)$", "");
    }

    static String shortCity(String name) {
        return name.replace("市", "");
    }

    private List<String> productsOf(String segment) {
        return products.values().stream().filter(p -> p.segment().equals(segment)).map(Product::code).toList();
    }

    private List<String> techsOf(String segment) {
        return techs.values().stream().filter(t -> t.segments().contains(segment)).map(Tech::code).toList();
    }

    private List<String> techsOfChains(List<String> chainIds) {
        return techs.values().stream().filter(t -> t.segments().stream().anyMatch(s -> chainIds.contains(segments.get(s).chain())))
                .map(Tech::code).toList();
    }

    // ---- generation ---------------------------------------------------------------------------------------------

    void write(Path out) throws IOException {
        writeReference(out);
        List<Firm> firms = firms();
        writeFirms(out, firms);
        writeSupplies(out, firms);
        List<Institution> institutions = institutions(out);
        writeExpertsAndAchievements(out, institutions);
        writeCollaborations(out, institutions, firms);
        writeFinance(out, firms);
        writeNeeds(out, firms);
    }

    private void writeReference(Path out) throws IOException {
        try (Csv w = new Csv(out.resolve("regions.csv"), "code", "name", "level", "parentCode", "lat", "lon")) {
            for (Region r : regions.values()) {
                w.row(r.code(), r.name(), r.level(), r.parent(), r.lat(), r.lon());
            }
        }
        try (Csv w = new Csv(out.resolve("chains.csv"), "id", "name", "description")) {
            for (String[] c : chains) {
                w.row(c[0], c[1], c[2]);
            }
        }
        try (Csv w = new Csv(out.resolve("segments.csv"), "id", "chainId", "name", "stage", "feedsSegmentIds")) {
            for (Segment s : segments.values()) {
                w.row(s.id(), s.chain(), s.name(), s.stage(), String.join("|", s.feeds()));
            }
        }
        try (Csv w = new Csv(out.resolve("products.csv"), "code", "name", "segmentId", "broaderCode", "keywords")) {
            for (Product p : products.values()) {
                w.row(p.code(), p.name(), p.segment(), p.broader() == null ? "" : p.broader(), String.join("|", p.keywords()));
            }
        }
        try (Csv w = new Csv(out.resolve("technologies.csv"), "code", "name", "broaderCode", "segmentIds", "keywords")) {
            for (Tech t : techs.values()) {
                w.row(t.code(), t.name(), t.broader() == null ? "" : t.broader(), String.join("|", t.segments()),
                        String.join("|", t.keywords()));
            }
        }
    }

    private List<Firm> firms() {
        List<String> cities = regions.values().stream().filter(r -> r.level().equals("CITY")).map(Region::code).toList();
        double[] cityWeights = cities.stream().mapToDouble(c -> CITY_WEIGHT.getOrDefault(c, 0.8)).toArray();
        Map<String, List<String>> districts = new HashMap<>();
        for (Region r : regions.values()) {
            if (r.level().equals("DISTRICT")) {
                districts.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r.code());
            }
        }
        List<String> chainIds = chains.stream().map(c -> c[0]).toList();
        Set<String> usedCodes = new HashSet<>();
        Set<String> usedNames = new HashSet<>();
        int leaders = Math.max(32, enterprises / 60);
        List<Firm> firms = new ArrayList<>(enterprises);
        for (int i = 0; i < enterprises; i++) {
            boolean leader = i < leaders;
            String city = cities.get(weighted(cityWeights));
            String district = pick(districts.get(city));
            List<String> preferred = List.of(CITY_CHAINS.getOrDefault(city, "EQP").split(","));
            String chain = rnd.nextDouble() < 0.7 ? pick(preferred) : pick(chainIds);
            List<Segment> segs = segments.values().stream().filter(s -> s.chain().equals(chain)).toList();
            Segment seg;
            if (leader) {
                List<Segment> fed = segs.stream().filter(s -> segs.stream().anyMatch(o -> o.feeds().contains(s.id()))
                        && !s.stage().equals("UPSTREAM")).toList();
                seg = pick(fed);
            } else {
                double[] w = segs.stream().mapToDouble(s -> s.stage().equals("UPSTREAM") ? 1.4 : s.stage().equals("MIDSTREAM") ? 1.2 : 0.6).toArray();
                seg = segs.get(weighted(w));
            }
            String tier = leader ? (rnd.nextDouble() < 0.35 ? "CHAMPION" : rnd.nextDouble() < 0.5 ? "LITTLE_GIANT" : "NONE")
                    : TIERS[weighted(TIER_SHARE)];
            int employees = (int) Math.round(Math.exp(switch (tier) {
                case "CHAMPION" -> 7.2;
                case "LITTLE_GIANT" -> 6.3;
                case "SPECIALIZED" -> 5.5;
                case "INNOVATIVE" -> 4.6;
                case "POOL" -> 4.0;
                default -> 3.4;
            } + (leader ? 1.8 : 0) + rnd.nextDouble() * 1.2 - 0.6));
            List<String> segProducts = productsOf(seg.id());
            Set<String> made = new LinkedHashSet<>();
            int count = leader ? 3 : 1 + rnd.nextInt(3);
            for (int k = 0; k < count * 2 && made.size() < count; k++) {
                made.add(pick(segProducts));
            }
            List<String> segTechs = techsOf(seg.id());
            Set<String> techSet = new LinkedHashSet<>();
            int techCount = segTechs.isEmpty() ? 0 : (tier.equals("NONE") ? rnd.nextInt(2) : 1 + rnd.nextInt(2));
            for (int k = 0; k < techCount; k++) {
                techSet.add(pick(segTechs));
            }
            List<String> certs = new ArrayList<>();
            if (rnd.nextDouble() < (tier.equals("NONE") ? 0.5 : 0.9)) {
                certs.add("ISO9001");
            }
            for (String c : CHAIN_CERTS.get(chain).split("\\|")) {
                if (rnd.nextDouble() < (leader ? 0.95 : 0.45)) {
                    certs.add(c);
                }
            }
            Region d = regions.get(district);
            String cityName = shortCity(regions.get(city).name());
            String industry = industryWord(products.get(made.iterator().next()).name());
            String name;
            do {
                String b = brand();
                name = leader ? cityName + b + (rnd.nextBoolean() ? "集团股份有限公司" : "科技股份有限公司")
                        : cityName + b + industry + (rnd.nextInt(4) == 0 ? "股份有限公司" : "有限公司");
            } while (!usedNames.add(name));
            firms.add(new Firm(creditCode(district, usedCodes), name, district, city, chain, seg.id(), tier, leader,
                    employees, round2(d.lat() + (rnd.nextDouble() - 0.5) * 0.08), round2(d.lon() + (rnd.nextDouble() - 0.5) * 0.08),
                    List.copyOf(made), List.copyOf(techSet), certs));
        }
        return firms;
    }

    static double round2(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private void writeFirms(Path out, List<Firm> firms) throws IOException {
        List<String> header = new ArrayList<>(List.of("creditCode", "name", "regionCode", "tier", "isChainLeader",
                "leadsChainIds", "employees", "revenueWan", "rdRatio", "inventionPatents", "certifications", "listed", "lat", "lon",
                "productCodes", "technologyCodes", "description"));
        header.addAll(CultivationFacts.COLUMNS);
        try (Csv w = new Csv(out.resolve("enterprises.csv"), header.toArray(String[]::new))) {
            for (Firm f : firms) {
                double revenue = Math.round(f.employees() * (60 + rnd.nextDouble() * 140));
                double rd = Math.round((switch (f.tier()) {
                    case "NONE", "POOL" -> 0.01 + rnd.nextDouble() * 0.04;
                    default -> 0.03 + rnd.nextDouble() * 0.09;
                }) * 1000) / 1000.0;
                int patents = (int) (f.tier().equals("NONE") ? rnd.nextInt(2) : rnd.nextInt(5) + f.employees() / 50);
                String desc = "主要产品：" + String.join("、", f.products().stream().map(p -> products.get(p).name()).toList())
                        + "；所属" + segments.get(f.segment()).name() + "环节" + (f.leader() ? "，区域链主企业，带动本地配套" : "");
                CultivationFacts.Values c = CultivationFacts.of(f, revenue, rd, patents, seed);
                List<Object> cells = new ArrayList<>(List.of(f.code(), f.name(), f.region(), f.tier(), f.leader(),
                        f.leader() ? f.chain() : "", f.employees(), c.revenueWan(), c.rdRatio(), c.cells().get(8),
                        String.join("|", f.certs()), f.leader() && rnd.nextDouble() < 0.7, f.lat(), f.lon(),
                        String.join("|", f.products()), String.join("|", f.techs()), desc));
                cells.addAll(c.cells());
                w.row(cells.toArray());
            }
        }
    }

    /**
     * Supply edges that follow the chains: the supplier makes a product of a segment that FEEDS the buyer's. Near
     * suppliers, suppliers already serving the buyer's segment, and certified ones are preferred, so graph signals
     * carry real information for the matching quality harness.
     */
    private void writeSupplies(Path out, List<Firm> firms) throws IOException {
        Map<String, List<Firm>> bySegment = new HashMap<>();
        for (Firm f : firms) {
            bySegment.computeIfAbsent(f.segment(), k -> new ArrayList<>()).add(f);
        }
        Map<String, Integer> popularity = new HashMap<>();
        Set<String> pairs = new HashSet<>();
        int target = (int) (enterprises * 1.5);
        int written = 0;
        try (Csv w = new Csv(out.resolve("supplies.csv"), "supplierCreditCode", "buyerCreditCode", "productCode", "since")) {
            int guard = 0;
            while (written < target && guard++ < target * 20) {
                Firm buyer = firms.get(rnd.nextDouble() < 0.45 ? rnd.nextInt(Math.max(32, enterprises / 60)) : rnd.nextInt(firms.size()));
                List<String> feeders = segments.values().stream().filter(s -> s.feeds().contains(buyer.segment())).map(Segment::id).toList();
                if (feeders.isEmpty()) {
                    continue;
                }
                List<Firm> pool = bySegment.getOrDefault(pick(feeders), List.of());
                if (pool.isEmpty()) {
                    continue;
                }
                String certNeeded = buyer.chain().equals("NEV") ? "IATF16949" : buyer.chain().equals("BIO") ? "GMP" : null;
                Firm best = null;
                double total = 0;
                int sample = Math.min(pool.size(), 40);
                List<Firm> cand = new ArrayList<>(sample);
                double[] weights = new double[sample];
                for (int k = 0; k < sample; k++) {
                    Firm s = pool.get(rnd.nextInt(pool.size()));
                    double d = km(s.lat(), s.lon(), buyer.lat(), buyer.lon());
                    double wgt = Math.exp(-d / 60.0) * (1 + 1.5 * popularity.getOrDefault(s.code() + "|" + buyer.segment(), 0))
                            * (certNeeded != null && !s.certs().contains(certNeeded) ? 0.3 : 1.0)
                            * (1 + 0.3 * List.of(TIERS).indexOf(s.tier()));
                    cand.add(s);
                    weights[k] = wgt;
                    total += wgt;
                }
                if (total <= 0) {
                    continue;
                }
                best = cand.get(weighted(weights));
                if (best.code().equals(buyer.code()) || !pairs.add(best.code() + "|" + buyer.code())) {
                    continue;
                }
                popularity.merge(best.code() + "|" + buyer.segment(), 1, Integer::sum);
                w.row(best.code(), buyer.code(), pick(best.products()), 2010 + rnd.nextInt(17));
                written++;
            }
        }
    }

    private List<Institution> institutions(Path out) throws IOException {
        List<Institution> list = new ArrayList<>();
        int i = 0;
        for (String[] r : realInstitutions) {
            List<String> chainIds = List.of(r[4].split(","));
            list.add(new Institution(String.format("INST%03d", ++i), r[1], r[2], r[3], chainIds, r[5], pickTechs(chainIds, 6)));
        }
        int wanted = Math.max(62, enterprises * 3 / 100);
        List<String> focus = List.of("321000", "321100", "320500", "320800", "320700", "320400", "320600", "320900", "321200");
        String[] kinds = {"产业技术研究院", "工程技术研究中心", "重点实验室", "中试基地"};
        Set<String> names = new HashSet<>();
        while (list.size() < wanted) {
            String city = pick(focus);
            List<String> chainIds = List.of(CITY_CHAINS.get(city).split(","));
            String chain = pick(chainIds);
            String kind = kinds[rnd.nextInt(kinds.length)];
            String chainName = chains.stream().filter(c -> c[0].equals(chain)).findFirst().orElseThrow()[1];
            String name = shortCity(regions.get(city).name()) + (list.size() > 120 ? brand() : "") + chainName + kind;
            if (!names.add(name)) {
                name = shortCity(regions.get(city).name()) + brand() + chainName + kind;
                if (!names.add(name)) {
                    continue;
                }
            }
            List<String> districts = regions.values().stream().filter(r -> city.equals(r.parent())).map(Region::code).toList();
            list.add(new Institution(String.format("INST%03d", ++i), name, kind.contains("实验室") ? "LAB" : "INSTITUTE",
                    pick(districts), List.of(chain), "地方" + chainName + "产业共性技术研发与成果转化平台（虚构）", pickTechs(List.of(chain), 4)));
        }
        try (Csv w = new Csv(out.resolve("institutions.csv"), "id", "name", "kind", "regionCode", "technologyCodes", "description")) {
            for (Institution in : list) {
                w.row(in.id(), in.name(), in.kind(), in.region(), String.join("|", in.techs()), in.description());
            }
        }
        return list;
    }

    private List<String> pickTechs(List<String> chainIds, int max) {
        List<String> pool = techsOfChains(chainIds);
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < max * 2 && out.size() < max; k++) {
            out.add(pick(pool));
        }
        return List.copyOf(out);
    }

    private void writeExpertsAndAchievements(Path out, List<Institution> institutions) throws IOException {
        String[] titles = {"教授", "研究员", "副教授", "高级工程师", "副研究员"};
        int e = 0;
        try (Csv w = new Csv(out.resolve("experts.csv"), "id", "name", "title", "institutionId", "technologyCodes")) {
            for (Institution in : institutions) {
                int n = 3 + rnd.nextInt(3);
                for (int k = 0; k < n; k++) {
                    Set<String> t = new LinkedHashSet<>();
                    t.add(pick(in.techs()));
                    t.add(pick(in.techs()));
                    w.row(String.format("EXP%05d", ++e), personName(), titles[rnd.nextInt(titles.length)], in.id(), String.join("|", t));
                }
            }
        }
        int count = Math.max(520, enterprises / 4);
        String[] kinds = {"PATENT", "PATENT", "PATENT", "PROTOTYPE", "SOFTWARE", "PROCESS"};
        String[] forms = {"一种%s的制备方法", "一种基于%s的%s装置", "%s关键工艺及其应用", "面向%s的%s系统", "%s成套技术"};
        try (Csv w = new Csv(out.resolve("achievements.csv"), "id", "title", "institutionId", "kind", "trl", "technologyCodes",
                "productCodes", "description")) {
            for (int a = 1; a <= count; a++) {
                Institution in = pick(institutions);
                Tech t = techs.get(pick(in.techs()));
                List<String> applicable = t.segments().stream().flatMap(s -> productsOf(s).stream()).toList();
                Set<String> prods = new LinkedHashSet<>();
                for (int k = 0; k < 1 + rnd.nextInt(2); k++) {
                    prods.add(pick(applicable));
                }
                String productName = products.get(prods.iterator().next()).name();
                String kw = pick(t.keywords());
                String title = String.format(forms[rnd.nextInt(forms.length)], kw + productName, productName).replace("%s", "");
                String kind = kinds[rnd.nextInt(kinds.length)];
                w.row(String.format("ACH%05d", a), title, in.id(), kind, 2 + rnd.nextInt(7), t.code(), String.join("|", prods),
                        in.name() + "在" + t.name() + "方向的成果，可用于" + productName + "（" + String.join("、", t.keywords()) + "）");
            }
        }
    }

    private void writeCollaborations(Path out, List<Institution> institutions, List<Firm> firms) throws IOException {
        Map<String, List<Institution>> byTech = new HashMap<>();
        for (Institution in : institutions) {
            for (String t : in.techs()) {
                byTech.computeIfAbsent(t, k -> new ArrayList<>()).add(in);
            }
        }
        Set<String> seen = new HashSet<>();
        int target = Math.max(300, enterprises * 3 / 10);
        int written = 0;
        try (Csv w = new Csv(out.resolve("collaborations.csv"), "institutionId", "creditCode", "year", "title")) {
            for (int guard = 0; written < target && guard < target * 20; guard++) {
                Firm f = pick(firms);
                if (f.techs().isEmpty()) {
                    continue;
                }
                String tech = pick(f.techs());
                List<Institution> options = byTech.getOrDefault(tech, List.of());
                if (options.isEmpty()) {
                    continue;
                }
                Institution best = pick(options);
                for (int k = 0; k < 3; k++) {
                    Institution other = pick(options);
                    if (other.region().substring(0, 4).equals(f.region().substring(0, 4))) {
                        best = other;
                    }
                }
                int year = 2015 + rnd.nextInt(12);
                if (!seen.add(best.id() + f.code() + year)) {
                    continue;
                }
                w.row(best.id(), f.code(), year, techs.get(tech).name() + "联合攻关");
                written++;
            }
        }
    }

    private void writeFinance(Path out, List<Firm> firms) throws IOException {
        List<String> chainIds = chains.stream().map(c -> c[0]).toList();
        List<String[]> investors = new ArrayList<>();
        List<String> focus = List.of("321000", "321100", "320500", "320800", "320700", "320100", "320200", "320400");
        for (String city : focus) {
            investors.add(new String[] {"GUIDANCE_FUND", shortCity(regions.get(city).name()) + "市产业投资引导基金（虚构）", city});
        }
        String[] banks = {"江苏银行", "南京银行", "苏州银行", "江苏紫金农商银行", "中国银行江苏省分行", "交通银行江苏省分行", "中国建设银行江苏省分行", "招商银行南京分行"};
        for (String b : banks) {
            investors.add(new String[] {"BANK", b, "320100"});
        }
        int wanted = Math.max(44, enterprises / 50);
        String[] vcWords = {"创业投资", "股权投资", "产业投资", "创新投资"};
        while (investors.size() < wanted) {
            String city = pick(focus);
            boolean pe = rnd.nextInt(3) == 0;
            investors.add(new String[] {pe ? "PE" : "VC", shortCity(regions.get(city).name()) + brand() + vcWords[rnd.nextInt(vcWords.length)]
                    + (pe ? "管理合伙企业" : "有限公司") + "（虚构）", city});
        }
        try (Csv w = new Csv(out.resolve("investors.csv"), "id", "name", "kind", "regionCode")) {
            for (int i = 0; i < investors.size(); i++) {
                w.row(String.format("INV%03d", i + 1), investors.get(i)[1], investors.get(i)[0], investors.get(i)[2]);
            }
        }
        record Fund(String id, String investorKind, List<String> chainIds, String mandate, List<String> stages, double min, double max) {
        }
        List<Fund> funds = new ArrayList<>();
        int wantedFunds = Math.max(84, enterprises / 25);
        try (Csv w = new Csv(out.resolve("funds.csv"), "id", "investorId", "name", "stages", "ticketMinWan", "ticketMaxWan",
                "instruments", "chainIds", "segmentIds", "regionMandate")) {
            int f = 0;
            while (f < wantedFunds) {
                int inv = f < investors.size() ? f : rnd.nextInt(investors.size());
                String[] investor = investors.get(inv);
                String kind = investor[0];
                List<String> focusChains = new ArrayList<>(new LinkedHashSet<>(List.of(pick(chainIds), pick(chainIds))));
                List<String> stages;
                List<String> instruments;
                double min;
                double max;
                String name;
                String mandate = "";
                switch (kind) {
                    case "BANK" -> {
                        stages = List.of("DEBT");
                        boolean ip = rnd.nextBoolean();
                        instruments = ip ? List.of("IP_PLEDGE", "DEBT") : List.of("DEBT");
                        min = 50 + rnd.nextInt(5) * 50;
                        max = min * (6 + rnd.nextInt(15));
                        name = investor[1] + (ip ? "知识产权质押贷" : "专精特新贷") + (f >= investors.size() ? "（" + (f + 1) + "）" : "");
                        focusChains = new ArrayList<>(chainIds);
                    }
                    case "GUIDANCE_FUND" -> {
                        stages = List.of("A", "B", "C");
                        instruments = List.of("EQUITY");
                        min = 1000 + rnd.nextInt(4) * 500;
                        max = min * (5 + rnd.nextInt(10));
                        mandate = investor[2];
                        name = investor[1].replace("（虚构）", "") + pick(List.of("一期", "二期", "产业子基金", "天使子基金")) + "（虚构）";
                    }
                    case "PE" -> {
                        stages = List.of("B", "C", "PRE_IPO");
                        instruments = rnd.nextBoolean() ? List.of("EQUITY", "CONVERTIBLE") : List.of("EQUITY");
                        min = 3000 + rnd.nextInt(6) * 1000;
                        max = min * (4 + rnd.nextInt(6));
                        name = investor[1].replace("管理合伙企业（虚构）", "") + "成长基金（虚构）";
                    }
                    default -> {
                        stages = rnd.nextBoolean() ? List.of("SEED", "ANGEL", "A") : List.of("ANGEL", "A", "B");
                        instruments = List.of("EQUITY");
                        min = 200 + rnd.nextInt(8) * 100;
                        max = min * (5 + rnd.nextInt(10));
                        name = investor[1].replace("有限公司（虚构）", "") + pick(List.of("早期基金", "创新基金", "科创基金")) + "（虚构）";
                    }
                }
                List<String> focusSegments = new ArrayList<>();
                if (!kind.equals("BANK") && rnd.nextBoolean()) {
                    String c0 = focusChains.get(0);
                    focusSegments.add(pick(segments.values().stream().filter(s -> s.chain().equals(c0)).map(Segment::id).toList()));
                }
                String id = String.format("FUND%03d", ++f);
                funds.add(new Fund(id, kind, focusChains, mandate, stages, min, max));
                w.row(id, String.format("INV%03d", inv + 1), name, String.join("|", stages), min, max, String.join("|", instruments),
                        String.join("|", focusChains), String.join("|", focusSegments), mandate);
            }
        }
        Set<String> seen = new HashSet<>();
        int target = Math.max(200, enterprises / 10);
        int written = 0;
        try (Csv w = new Csv(out.resolve("investments.csv"), "fundId", "creditCode", "round", "year", "amountWan")) {
            for (int guard = 0; written < target && guard < target * 30; guard++) {
                Fund fund = pick(funds);
                if (fund.investorKind().equals("BANK")) {
                    continue;
                }
                Firm firm = pick(firms);
                if (!fund.chainIds().contains(firm.chain()) || firm.tier().equals("NONE") && rnd.nextInt(4) != 0) {
                    continue;
                }
                if (!fund.mandate().isEmpty() && !firm.city().equals(fund.mandate())) {
                    continue;
                }
                String round = pick(fund.stages());
                if (!seen.add(fund.id() + firm.code() + round)) {
                    continue;
                }
                double amount = Math.round(fund.min() + rnd.nextDouble() * (fund.max() - fund.min()));
                w.row(fund.id(), firm.code(), round, 2016 + rnd.nextInt(11), amount);
                written++;
            }
        }
    }

    private void writeNeeds(Path out, List<Firm> firms) throws IOException {
        int target = Math.max(160, enterprises * 3 / 40);
        int leaders = Math.max(32, enterprises / 60);
        String[] finStages = {"ANGEL", "A", "B", "C", "DEBT"};
        try (Csv w = new Csv(out.resolve("needs.csv"), "id", "kind", "postedBy", "title", "description", "productCodes",
                "technologyCodes", "quantity", "requiredCertifications", "maxDistanceKm", "amountWan", "stage", "instrument", "expiresAt")) {
            int n = 0;
            for (int guard = 0; n < target && guard < target * 20; guard++) {
                double kindRoll = rnd.nextDouble();
                String id = String.format("N-%05d", n + 1);
                String expires = String.format("2027-%02d-%02d", 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
                if (kindRoll < 0.5) {
                    Firm buyer = firms.get(rnd.nextInt(rnd.nextDouble() < 0.7 ? leaders : firms.size()));
                    List<String> feeders = segments.values().stream().filter(s -> s.feeds().contains(buyer.segment())).map(Segment::id).toList();
                    if (feeders.isEmpty()) {
                        continue;
                    }
                    Product p = products.get(pick(productsOf(pick(feeders))));
                    String cert = buyer.chain().equals("NEV") && rnd.nextBoolean() ? "IATF16949" : "";
                    String radius = rnd.nextInt(3) == 0 ? String.valueOf(pick(List.of(50, 100, 200, 300))) : "";
                    w.row(id, "SUPPLY", buyer.code(), "寻求本地" + p.name() + "配套供应商",
                            buyer.name() + "计划就近采购" + p.name() + "（" + String.join("、", p.keywords()) + "），欢迎具备量产能力的本地企业对接",
                            p.code(), "", (1 + rnd.nextInt(50)) * 1000, cert, radius, "", "", "", expires);
                } else if (kindRoll < 0.8) {
                    Firm f = pick(firms);
                    List<String> segTechs = techsOf(f.segment());
                    if (segTechs.isEmpty()) {
                        continue;
                    }
                    Tech t = techs.get(pick(segTechs));
                    w.row(id, "TECH", f.code(), t.name() + "难题攻关（揭榜挂帅）",
                            "围绕" + String.join("、", t.keywords()) + "开展技术攻关，寻求高校院所合作，提升" + segments.get(f.segment()).name() + "产品性能",
                            "", t.code(), "", "", "", "", "", "", expires);
                } else {
                    Firm f = pick(firms);
                    String stage = f.tier().equals("NONE") ? "DEBT" : finStages[rnd.nextInt(finStages.length)];
                    double amount = stage.equals("DEBT") ? 100 + rnd.nextInt(30) * 50 : 500 + rnd.nextInt(60) * 250;
                    w.row(id, "FINANCE", f.code(), (stage.equals("DEBT") ? "流动资金贷款需求" : stage + "轮股权融资需求") + "（" + (long) amount + "万元）",
                            "用于" + segments.get(f.segment()).name() + "产能扩张与研发投入", "", "", "", "", "", amount, stage,
                            stage.equals("DEBT") ? (rnd.nextBoolean() ? "DEBT" : "IP_PLEDGE") : "EQUITY", expires);
                }
                n++;
            }
        }
    }

    /** A UTF-8 CSV writer with RFC 4180 quoting. */
    static final class Csv implements AutoCloseable {
        private final BufferedWriter out;

        Csv(Path file, String... header) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            row((Object[]) header);
        }

        void row(Object... cells) throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object c = cells[i];
                String s = c == null ? "" : c instanceof Double d ? (d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d)) : c.toString();
                if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
                    s = '"' + s.replace("\"", "\"\"") + '"';
                }
                sb.append(s);
            }
            out.write(sb.append('\n').toString());
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
