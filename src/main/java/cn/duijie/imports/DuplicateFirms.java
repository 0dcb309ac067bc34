package cn.duijie.imports;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import cn.duijie.common.Messages;

/**
 * Flags firms that are probably one firm twice: different credit codes, the same city, and names equal once the
 * legal form, the place prefix, brackets, punctuation and width are set aside. Never merges anything.
 */
final class DuplicateFirms {

    private static final Pattern LEGAL_FORM = Pattern.compile(
            "(股份有限公司|有限责任公司|有限公司|集团|股份公司|分公司|总公司|公司|厂)$");
    private static final Pattern PLACE_PREFIX = Pattern.compile(
            "^(江苏省|江苏)?(南京|无锡|徐州|常州|苏州|南通|连云港|淮安|盐城|扬州|镇江|泰州|宿迁|常熟|张家港|昆山|太仓|江阴|宜兴|丹阳|句容|扬中|仪征|高邮|兴化|靖江|泰兴)?(市|县|区)?");
    private static final Pattern NOISE = Pattern.compile("[\\s()（）\\[\\]【】·.,，、\\-—_]");

    private DuplicateFirms() {
    }

    static String normalize(String name) {
        String n = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC);
        n = NOISE.matcher(n).replaceAll("");
        String previous;
        do {
            previous = n;
            n = LEGAL_FORM.matcher(n).replaceAll("");
        } while (!n.equals(previous));
        n = PLACE_PREFIX.matcher(n).replaceFirst("");
        return n.isEmpty() ? NOISE.matcher(Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKC)).replaceAll("") : n;
    }

    static String city(String regionCode) {
        return regionCode == null || regionCode.length() < 4 ? "" : regionCode.substring(0, 4) + "00";
    }

    /** The key two firms that are probably one share: their city and their normalized name (stored as duplicateKey). */
    static String key(String name, String regionCode) {
        return city(regionCode) + "|" + normalize(name);
    }

    /** The keys of these enterprise rows. */
    static List<String> keys(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> key((String) r.get("name"), (String) r.get("regionCode"))).distinct().toList();
    }

    /**
     * Pairs among the new rows, and between new rows and firms already in the graph ({@code existing}: credit code,
     * name, region code of at least every firm sharing a key with a row).
     */
    static List<ImportReport.PossibleDuplicate> find(List<Map<String, Object>> rows, List<String[]> existing) {
        Map<String, String[]> seen = new HashMap<>();
        for (String[] e : existing) {
            seen.putIfAbsent(key(e[1], e[2]), e);
        }
        List<ImportReport.PossibleDuplicate> out = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String code = (String) row.get("creditCode");
            String name = (String) row.get("name");
            String region = (String) row.get("regionCode");
            String key = key(name, region);
            String[] other = seen.get(key);
            if (other != null && !other[0].equals(code)) {
                out.add(new ImportReport.PossibleDuplicate(code, name, other[0], other[1], city(region),
                        Messages.get("import.duplicate.same-name", other[1], other[0])));
            } else if (other == null) {
                seen.put(key, new String[] {code, name, region});
            }
        }
        return out;
    }
}
