package cn.duijie.matching;

import java.text.Normalizer;
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

/**
 * Which products (or technologies) a need written in words names: the codes of a vocabulary — each code's name and
 * keywords (its synonyms) and the code one level up — that a title and description mention, each with a confidence
 * 0 … 1 and the words that gave it away. Built once per vocabulary (a product tree or a technology tree), immutable,
 * thread-safe.
 *
 * <p>Evidence for a code, combined as independent chances (1 − Π(1 − e)):
 * <ul>
 *   <li>its full name appears in the text: {@value #NAME};</li>
 *   <li>one of its keywords appears: {@value #KEYWORD} / √n, where n is how many codes that surface names (as a
 *       keyword or inside a name) — 绝缘轴承 names one product, 轴承 names several and says little alone;</li>
 *   <li>most of its name's words appear, in any order (Lucene smartcn words, weighted by how few names use each word):
 *       {@value #WORDS} × the covered share, when the share is at least ½.</li>
 * </ul>
 * A mention that lies inside a longer name mentioned in the same place counts only for that longer name (三元正极材料
 * is not also a mention of 正极材料 or of the keyword 材料), and the words of a mentioned name are not counted again
 * for other names. A code is dropped when one of its narrower codes is
 * proposed at least about as confidently (the text is more specific than it). What is left is proposed when its
 * confidence is at least {@value #MIN} and at least {@value #RELATIVE} of the best one's, best first, at most
 * {@link #MAX_PROPOSALS}.
 */
public final class CodeProposals {

    static final double NAME = 0.95;
    static final double KEYWORD = 0.9;
    static final double WORDS = 0.75;
    static final double MIN = 0.4;
    static final double RELATIVE = 0.6;
    public static final int MAX_PROPOSALS = 5;

    /** A proposed code: its name, confidence and the mentions in the text that gave it. */
    public record Proposal(String code, String name, double confidence, List<String> matched) {
    }

    /** A text that names a code: its name or one of its keywords, normalised. */
    private record Surface(String text, String code, boolean name) {
    }

    private final Map<String, String> names;
    private final Map<String, String> parent;
    private final List<Surface> surfaces;
    /** How many codes each surface text names (as a keyword or inside a name). */
    private final Map<String, Integer> reach;
    private final Map<String, List<String>> nameWords;
    private final Map<String, Integer> nameWordDf;

    /**
     * @param names    code → name
     * @param keywords code → keywords (synonyms), may be empty
     * @param parent   code → the code one level up
     */
    public CodeProposals(Map<String, String> names, Map<String, List<String>> keywords, Map<String, String> parent) {
        this.names = Map.copyOf(names);
        this.parent = Map.copyOf(parent);
        List<Surface> all = new ArrayList<>();
        Map<String, List<String>> words = new HashMap<>();
        Map<String, Integer> df = new HashMap<>();
        names.forEach((code, name) -> {
            String n = normalise(name);
            if (usable(n)) {
                all.add(new Surface(n, code, true));
            }
            Set<String> seen = new HashSet<>();
            for (String k : keywords.getOrDefault(code, List.of())) {
                String kn = normalise(k);
                if (usable(kn) && !kn.equals(n) && seen.add(kn)) {
                    all.add(new Surface(kn, code, false));
                }
            }
            List<String> w = Words.of(n);
            words.put(code, w);
            w.forEach(x -> df.merge(x, 1, Integer::sum));
        });
        // longest first, so a longer mention is known before the shorter ones inside it
        all.sort(Comparator.comparingInt((Surface s) -> -s.text().length()).thenComparing(Surface::code));
        this.surfaces = List.copyOf(all);
        Map<String, Set<String>> codesBySurface = new HashMap<>();
        for (Surface s : all) {
            Set<String> codes = codesBySurface.computeIfAbsent(s.text(), k -> new HashSet<>());
            codes.add(s.code());
        }
        // a keyword also "names" every code whose name contains it (轴承 → every 轴承 product)
        for (Map.Entry<String, Set<String>> e : codesBySurface.entrySet()) {
            for (Surface s : all) {
                if (s.name() && s.text().contains(e.getKey())) {
                    e.getValue().add(s.code());
                }
            }
        }
        Map<String, Integer> r = new HashMap<>();
        codesBySurface.forEach((k, v) -> r.put(k, v.size()));
        this.reach = Map.copyOf(r);
        this.nameWords = Map.copyOf(words);
        this.nameWordDf = Map.copyOf(df);
    }

    /** The codes the text names, best first. */
    public List<Proposal> propose(String text) {
        String t = normalise(text);
        if (t.isBlank()) {
            return List.of();
        }
        Map<String, double[]> chance = new LinkedHashMap<>(); // code → [Π(1 − e)]
        Map<String, Set<String>> matched = new HashMap<>();
        List<int[]> nameSpans = new ArrayList<>(); // [start, end, index of the surface]
        Set<String> named = new HashSet<>(); // codes whose whole name is mentioned
        for (int i = 0; i < surfaces.size(); i++) {
            Surface s = surfaces.get(i);
            boolean uncovered = false;
            for (int at = t.indexOf(s.text()); at >= 0; at = t.indexOf(s.text(), at + 1)) {
                if (!inside(nameSpans, at, at + s.text().length(), s.code())) {
                    uncovered = true;
                    if (s.name()) {
                        nameSpans.add(new int[] {at, at + s.text().length(), i});
                    }
                }
            }
            if (!uncovered) {
                continue;
            }
            double e = s.name() ? NAME : KEYWORD / Math.sqrt(reach.getOrDefault(s.text(), 1));
            add(chance, matched, s.code(), e, s.text());
            if (s.name()) {
                named.add(s.code());
            }
        }
        // the words of what no mentioned name explains: 采购X减速器 is a mention of X减速器, not also half of X谐波减速器
        StringBuilder rest = new StringBuilder(t);
        nameSpans.forEach(span -> {
            for (int c = span[0]; c < span[1]; c++) {
                rest.setCharAt(c, ' ');
            }
        });
        Set<String> present = new HashSet<>(Words.of(rest.toString()));
        nameWords.forEach((code, ws) -> {
            if (ws.size() < 2 || named.contains(code)) {
                return; // a one-word name is found, or not, as a mention; a mentioned name needs no more
            }
            double all = 0;
            double covered = 0;
            List<String> hit = new ArrayList<>();
            for (String w : ws) {
                double idf = Math.log(1 + (double) names.size() / nameWordDf.getOrDefault(w, 1));
                all += idf;
                if (present.contains(w)) {
                    covered += idf;
                    hit.add(w);
                }
            }
            double share = all == 0 ? 0 : covered / all;
            if (share >= 0.5) {
                add(chance, matched, code, WORDS * share, String.join("·", hit));
            }
        });
        Map<String, Double> confidence = new LinkedHashMap<>();
        chance.forEach((code, p) -> confidence.put(code, Math.min(0.99, 1 - p[0])));
        // a broader code gives way to a narrower one the text names about as confidently
        Set<String> dropped = new HashSet<>();
        for (String code : confidence.keySet()) {
            double c = confidence.get(code);
            String up = parent.get(code);
            for (int depth = 0; up != null && depth < 8; depth++, up = parent.get(up)) { // bounded: a cycle cannot hang
                Double upper = confidence.get(up);
                if (upper != null && c >= 0.8 * upper) {
                    dropped.add(up);
                }
            }
        }
        List<Map.Entry<String, Double>> ranked = confidence.entrySet().stream()
                .filter(e -> !dropped.contains(e.getKey()))
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue())
                        .thenComparingInt(e -> -names.get(e.getKey()).length())
                        .thenComparing(Map.Entry::getKey))
                .toList();
        if (ranked.isEmpty()) {
            return List.of();
        }
        double floor = Math.max(MIN, RELATIVE * ranked.get(0).getValue());
        return ranked.stream().filter(e -> e.getValue() >= floor - 1e-9).limit(MAX_PROPOSALS)
                .map(e -> new Proposal(e.getKey(), names.get(e.getKey()), Math.round(e.getValue() * 100) / 100.0,
                        List.copyOf(matched.get(e.getKey()))))
                .toList();
    }

    private static void add(Map<String, double[]> chance, Map<String, Set<String>> matched, String code, double e, String what) {
        chance.computeIfAbsent(code, k -> new double[] {1})[0] *= 1 - e;
        matched.computeIfAbsent(code, k -> new LinkedHashSet<>()).add(what);
    }

    /** Whether [from, to) lies inside a name already mentioned there that is longer and of another code. */
    private boolean inside(List<int[]> spans, int from, int to, String code) {
        for (int[] s : spans) {
            if (s[0] <= from && to <= s[1] && s[1] - s[0] > to - from && !surfaces.get(s[2]).code().equals(code)) {
                return true;
            }
        }
        return false;
    }

    /** Full-width to half-width, Latin lower-cased, so ＩＧＢＴ and igbt are IGBT. */
    static String normalise(String text) {
        return text == null ? "" : Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** A surface worth looking for: two characters at least (one Chinese character names too much). */
    private static boolean usable(String s) {
        return s.strip().length() >= 2;
    }
}
