package cn.duijie.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The capability evidence of one firm for a set of wanted products and words, read from the snapshot: its best
 * product through the tree, its product most often made together with a wanted one, and the words it shares with
 * the asking text. Shared by supply matching and discovery ({@code /products/{code}/potential-makers}), so both
 * read capability one way. Pure over one {@link FirmsAndProducts} version.
 */
final class SupplyEvidence {

    private final FirmsAndProducts s;
    private final MatchingConfig.Tree tree;
    private final MatchingConfig.Supply w;
    private final List<String> wanted;
    private final List<String> words;
    /** Per wanted product, the products made together with it (most similar first). */
    private final List<List<CoProduction.Similar>> similar = new ArrayList<>();

    /** What is asked: the wanted products and the words of the asking text (the wanted products' names included). */
    SupplyEvidence(FirmsAndProducts s, MatchingConfig config, List<String> wanted, String... texts) {
        this(s, config, wanted, Words.of(texts));
    }

    /** The same, with the asking text already cut into words ({@link Words#of}). */
    SupplyEvidence(FirmsAndProducts s, MatchingConfig config, List<String> wanted, List<String> textWords) {
        this.s = s;
        this.tree = config.tree();
        this.w = config.supply();
        this.wanted = List.copyOf(wanted);
        Set<String> ws = new LinkedHashSet<>(textWords);
        wanted.forEach(p -> ws.addAll(s.productWords().getOrDefault(p, List.of())));
        this.words = List.copyOf(ws);
        for (String p : wanted) {
            similar.add(madeWith(s, w, p));
        }
    }

    /** The products made together with {@code product}, most similar first, by the configured co-production thresholds. */
    static List<CoProduction.Similar> madeWith(FirmsAndProducts s, MatchingConfig.Supply w, String product) {
        return s.coProduction().similar(product, s.makersByProduct(), w.coMinBoth(), w.coSimilar());
    }

    List<String> wanted() {
        return wanted;
    }

    List<String> words() {
        return words;
    }

    /** Per wanted product (in order), the products made together with it. */
    List<List<CoProduction.Similar>> similar() {
        return similar;
    }

    /** The firm's best product for a wanted one through the tree, or {@link SupplySignals.ProductFit#NONE}. */
    SupplySignals.ProductFit fit(FirmsAndProducts.Firm c) {
        SupplySignals.ProductFit best = SupplySignals.ProductFit.NONE;
        for (String want : wanted) {
            String wantName = s.productNames().getOrDefault(want, want);
            for (String p : c.makes()) {
                SupplySignals.How how = p.equals(want) ? SupplySignals.How.EXACT
                        : s.narrower().getOrDefault(want, List.of()).contains(p) ? SupplySignals.How.NARROWER
                        : s.broader().getOrDefault(want, List.of()).contains(p) ? SupplySignals.How.BROADER
                        : s.siblings().getOrDefault(want, List.of()).contains(p) ? SupplySignals.How.SIBLING : SupplySignals.How.NONE;
                double f = fitOf(how);
                if (f > best.fit()) {
                    best = new SupplySignals.ProductFit(f, how, p, s.productNames().getOrDefault(p, p), want, wantName);
                }
            }
        }
        return best;
    }

    double fitOf(SupplySignals.How how) {
        return switch (how) {
            case EXACT -> tree.exact();
            case NARROWER -> tree.narrower();
            case BROADER -> tree.broader();
            case SIBLING -> tree.sibling();
            case NONE -> 0;
        };
    }

    /**
     * The firm's co-production evidence: its product most similar to a wanted one, by the cosine of their maker
     * sets. (Combining all its co-made products as independent chances was tried: it lifted firms with long
     * product lists and lost recall in the quality harness.)
     */
    SupplySignals.CoMade coMade(FirmsAndProducts.Firm c) {
        SupplySignals.CoMade best = null;
        double bestCombined = 0;
        for (int i = 0; i < wanted.size(); i++) {
            String want = wanted.get(i);
            CoProduction.Similar top = null;
            double none = 1; // 1 − the best cosine
            for (CoProduction.Similar x : similar.get(i)) {
                if (c.makes().contains(x.product())) {
                    none = Math.min(none, 1 - x.cosine());
                    if (top == null || x.cosine() > top.cosine()) {
                        top = x;
                    }
                }
            }
            double combined = 1 - none;
            if (top != null && combined > bestCombined) {
                bestCombined = combined;
                best = new SupplySignals.CoMade(top.product(), s.productNames().getOrDefault(top.product(), top.product()), want,
                        s.productNames().getOrDefault(want, want), top.both(), combined);
            }
        }
        return best;
    }

    /**
     * The words the firm shares with the asking text, IDF-weighted; shared words that are all common (设备, 材料) are
     * no evidence. {@code namesProduct} when the firm's words hold the words of a wanted product it does not list (IDF-weighted,
     * at least {@code named-coverage}: a missing common word such as 设备 does not matter).
     */
    SupplySignals.Text text(FirmsAndProducts.Firm c, boolean listed) {
        WordStats stats = s.words();
        List<String> shared = stats.shared(words, c.words());
        boolean specific = shared.stream().anyMatch(x -> !stats.common(x, w.commonShare(), w.commonMinFirms()));
        String named = null;
        if (!listed) {
            for (String want : wanted) {
                List<String> pw = s.productWords().getOrDefault(want, List.of());
                // every word of the product's name but common ones (激光切割 names 激光切割设备)
                if (!pw.isEmpty() && stats.coverage(pw, c.words()) >= w.namedCoverage()
                        && pw.stream().anyMatch(x -> c.words().contains(x) && !stats.common(x, w.commonShare(), w.commonMinFirms()))) {
                    named = s.productNames().getOrDefault(want, want);
                    break;
                }
            }
        }
        if (!specific && named == null) {
            return null;
        }
        return new SupplySignals.Text(specific ? stats.coverage(words, c.words()) : 0, shared, named != null, named);
    }
}
