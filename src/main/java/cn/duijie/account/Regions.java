package cn.duijie.account;

/**
 * Region containment by GB/T 2260 code: a province (320000) covers its cities (3211xx) and districts, a city
 * (321100) its districts (321181); a district only itself. The code's structure is the standard's, so no graph
 * lookup is needed.
 */
public final class Regions {

    private Regions() {
    }

    public static boolean covers(String outer, String inner) {
        if (outer == null || inner == null || outer.length() != 6 || inner.length() != 6) {
            return false;
        }
        return inner.startsWith(prefix(outer));
    }

    /** "32" for 320000, "3211" for 321100, "321181" for 321181. */
    public static String prefix(String code) {
        if (code.endsWith("0000")) {
            return code.substring(0, 2);
        }
        if (code.endsWith("00")) {
            return code.substring(0, 4);
        }
        return code;
    }
}
