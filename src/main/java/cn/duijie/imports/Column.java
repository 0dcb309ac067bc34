package cn.duijie.imports;

import java.util.List;

import cn.duijie.domain.NodeKind;
import cn.duijie.domain.Vocabulary;

/** One column of a graph-seed file: how a cell is read and checked; ref is the node kind a key column refers to. */
public record Column(String name, Type type, boolean required, List<String> allowed, double min, double max, NodeKind ref) {

    public enum Type { TEXT, INT, DECIMAL, BOOL, ENUM, LIST, ENUM_LIST, DATE, CREDIT_CODE, REGION_CODE, TIER_HISTORY, EMAIL, MOBILE }

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

    static Column oneOf(String name, boolean required, Class<? extends Enum<?>> values) {
        return new Column(name, Type.ENUM, required, Vocabulary.names(values), 0, 0, null);
    }

    static Column listOf(String name, Class<? extends Enum<?>> values) {
        return new Column(name, Type.ENUM_LIST, false, Vocabulary.names(values), 0, 0, null);
    }

    static Column list(String name) {
        return new Column(name, Type.LIST, false, List.of(), 0, 0, null);
    }

    static Column ref(String name, boolean required, NodeKind ref) {
        return new Column(name, Type.TEXT, required, List.of(), 0, 0, ref);
    }

    static Column refs(String name, NodeKind ref) {
        return new Column(name, Type.LIST, false, List.of(), 0, 0, ref);
    }

    static Column date(String name) {
        return new Column(name, Type.DATE, false, List.of(), 0, 0, null);
    }

    static Column creditCode(String name, NodeKind ref) {
        return new Column(name, Type.CREDIT_CODE, true, List.of(), 0, 0, ref);
    }

    /** Tier titles with the day (or year) each was awarded: {@code INNOVATIVE:2022|SPECIALIZED:2024-07-01}. */
    static Column tierHistory(String name) {
        return new Column(name, Type.TIER_HISTORY, false, Vocabulary.names(cn.duijie.domain.Tier.class), 0, 0, null);
    }

    /** An e-mail address (a firm's contact: PostgreSQL only, never the graph). */
    static Column email(String name) {
        return new Column(name, Type.EMAIL, false, List.of(), 0, 0, null);
    }

    /** A mainland mobile number, 11 digits from 1[3-9]; spaces, dashes and a +86 prefix are dropped. */
    static Column mobile(String name) {
        return new Column(name, Type.MOBILE, false, List.of(), 0, 0, null);
    }

    static Column regionCode(String name) {
        return new Column(name, Type.REGION_CODE, true, List.of(), 0, 0, null);
    }
}
