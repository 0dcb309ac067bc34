package cn.duijie.imports;

import java.util.List;

/** One column of a graph-seed file: how a cell is read and checked. */
public record Column(String name, Type type, boolean required, List<String> allowed, double min, double max, Ref ref) {

    public enum Type { TEXT, INT, DECIMAL, BOOL, ENUM, LIST, ENUM_LIST, DATE, CREDIT_CODE, REGION_CODE, TIER_HISTORY }

    /** What a key column refers to: a node kind, found in the graph or earlier in the same import. */
    public enum Ref {
        REGION("Region", "code", "行政区划"), CHAIN("Chain", "id", "产业链"), SEGMENT("Segment", "id", "环节"),
        PRODUCT("Product", "code", "产品"), TECHNOLOGY("Technology", "code", "技术"),
        ENTERPRISE("Enterprise", "creditCode", "企业"), INSTITUTION("Institution", "id", "高校院所"),
        INVESTOR("Investor", "id", "投资机构"), FUND("Fund", "id", "基金");

        public final String label;
        public final String key;
        public final String chinese;

        Ref(String label, String key, String chinese) {
            this.label = label;
            this.key = key;
            this.chinese = chinese;
        }
    }

    static Column text(String name, boolean required) {
        return new Column(name, Type.TEXT, required, List.of(), 0, 0, null);
    }

    static Column integer(String name, boolean required, double min, double max) {
        return new Column(name, Type.INT, required, List.of(), min, max, null);
    }

    static Column decimal(String name, boolean required, double min, double max) {
        return new Column(name, Type.DECIMAL, required, List.of(), min, max, null);
    }

    static Column bool(String name) {
        return new Column(name, Type.BOOL, false, List.of(), 0, 0, null);
    }

    static Column oneOf(String name, boolean required, String... values) {
        return new Column(name, Type.ENUM, required, List.of(values), 0, 0, null);
    }

    static Column listOf(String name, String... values) {
        return new Column(name, Type.ENUM_LIST, false, List.of(values), 0, 0, null);
    }

    static Column list(String name) {
        return new Column(name, Type.LIST, false, List.of(), 0, 0, null);
    }

    static Column ref(String name, boolean required, Ref ref) {
        return new Column(name, Type.TEXT, required, List.of(), 0, 0, ref);
    }

    static Column refs(String name, Ref ref) {
        return new Column(name, Type.LIST, false, List.of(), 0, 0, ref);
    }

    static Column date(String name) {
        return new Column(name, Type.DATE, false, List.of(), 0, 0, null);
    }

    static Column creditCode(String name, Ref ref) {
        return new Column(name, Type.CREDIT_CODE, true, List.of(), 0, 0, ref);
    }

    /** Tier titles with the day (or year) each was awarded: {@code INNOVATIVE:2022|SPECIALIZED:2024-07-01}. */
    static Column tierHistory(String name) {
        return new Column(name, Type.TIER_HISTORY, false, List.of("NONE", "POOL", "INNOVATIVE", "SPECIALIZED", "LITTLE_GIANT", "CHAMPION"), 0, 0, null);
    }

    static Column regionCode(String name) {
        return new Column(name, Type.REGION_CODE, true, List.of(), 0, 0, null);
    }
}
