package cn.duijie.resilience;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.duijie.matching.FirmsAndProducts;
import cn.duijie.matching.MatchingSnapshot;

/** Where firms are and who makes what, read from the matching snapshot (in memory). */
final class Places {

    private Places() {
    }

    /** The city a firm is in (its own region when that lies in no city). */
    static String city(MatchingSnapshot snapshot, FirmsAndProducts.Firm f) {
        return SecondSource.city(snapshot, f);
    }

    /** Whether a firm lies in the region (itself or a region within it, two levels down). */
    static boolean within(MatchingSnapshot snapshot, FirmsAndProducts.Firm f, String region) {
        return f.regionCode() != null && snapshot.regions().regionAndAbove(f.regionCode()).contains(region);
    }

    /** Makers of a product or of a narrower one (two levels down), each once, exact makers first. */
    static List<FirmsAndProducts.Firm> makers(MatchingSnapshot snapshot, String product) {
        FirmsAndProducts s = snapshot.firms();
        Map<String, FirmsAndProducts.Firm> out = new LinkedHashMap<>();
        List<String> products = new ArrayList<>();
        products.add(product);
        products.addAll(s.narrower().getOrDefault(product, List.of()));
        for (String p : products) {
            for (FirmsAndProducts.Firm f : s.makersByProduct().getOrDefault(p, List.of())) {
                out.putIfAbsent(f.id(), f);
            }
        }
        return new ArrayList<>(out.values());
    }
}
