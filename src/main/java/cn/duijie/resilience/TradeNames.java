package cn.duijie.resilience;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The 字号 (trade name) of a Chinese firm name: what is left after the place names it starts with (江苏, 镇江市, 丹阳 …),
 * its first two characters. Firms of one group usually share it (镇江宏智集团 · 南京宏智电子), so a second-source search
 * reads a shared 字号 as a tie to the incumbent when the graph records no group.
 */
final class TradeNames {

    private static final List<String> SUFFIXES = List.of("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州",
            "特别行政区", "新区", "地区", "省", "市", "区", "县", "盟", "旗");

    private final List<String> places;

    TradeNames(Collection<String> regionNames) {
        List<String> p = new ArrayList<>();
        for (String name : regionNames) {
            if (name == null || name.isBlank()) {
                continue;
            }
            p.add(name);
            for (String s : SUFFIXES) {
                if (name.endsWith(s) && name.length() - s.length() >= 2) {
                    p.add(name.substring(0, name.length() - s.length()));
                    break;
                }
            }
        }
        p.add("中国");
        p.sort(Comparator.comparingInt(String::length).reversed());
        this.places = List.copyOf(p);
    }

    /** The trade name, or null when the name is too short to tell one. */
    String of(String firmName) {
        if (firmName == null) {
            return null;
        }
        String s = firmName.strip();
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String place : places) {
                if (s.startsWith(place) && s.length() > place.length()) {
                    s = s.substring(place.length());
                    stripped = true;
                    break;
                }
            }
        }
        return s.length() < 4 ? null : s.substring(0, 2);
    }
}
