package cn.duijie.domain;

import java.util.Arrays;
import java.util.Optional;

import cn.duijie.common.Messages;

/**
 * The kinds of node in the graph with their label and business-key property: the one place that maps a node kind to
 * its key. Labels and keys formatted into Cypher come from here, never from a request.
 */
public enum NodeKind {
    REGION("Region", "code"),
    CHAIN("Chain", "id"),
    SEGMENT("Segment", "id"),
    PRODUCT("Product", "code"),
    TECHNOLOGY("Technology", "code"),
    ENTERPRISE("Enterprise", "creditCode"),
    INSTITUTION("Institution", "id"),
    EXPERT("Expert", "id"),
    ACHIEVEMENT("Achievement", "id"),
    INVESTOR("Investor", "id"),
    FUND("Fund", "id"),
    NEED("Need", "id");

    private final String label;
    private final String key;

    NodeKind(String label, String key) {
        this.label = label;
        this.key = key;
    }

    /** The node label, e.g. Enterprise. */
    public String label() {
        return label;
    }

    /** The business-key property, e.g. creditCode. */
    public String key() {
        return key;
    }

    /** The Chinese noun, e.g. 企业. */
    public String noun() {
        return Messages.get("node." + name());
    }

    /** {@code (var:Label {key: $param})}, for a MATCH or MERGE. */
    public String pattern(String variable, String parameter) {
        return "(" + variable + ":" + label + " {" + key + ": $" + parameter + "})";
    }

    public static Optional<NodeKind> parse(String text) {
        return Vocabulary.parse(NodeKind.class, text);
    }

    public static Optional<NodeKind> ofLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }
}
