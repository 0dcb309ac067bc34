package cn.duijie.domain;

/** A party that takes part in matchmaking and events: a firm, an institution or a fund; each is a graph node. */
public enum PartyType {
    ENTERPRISE(NodeKind.ENTERPRISE),
    INSTITUTION(NodeKind.INSTITUTION),
    FUND(NodeKind.FUND);

    private final NodeKind node;

    PartyType(NodeKind node) {
        this.node = node;
    }

    public NodeKind node() {
        return node;
    }
}
