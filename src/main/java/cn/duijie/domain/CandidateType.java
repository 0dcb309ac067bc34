package cn.duijie.domain;

/** What a recommendation can point at: a party, or an expert or achievement of an institution; each is a graph node. */
public enum CandidateType {
    ENTERPRISE(NodeKind.ENTERPRISE),
    INSTITUTION(NodeKind.INSTITUTION),
    EXPERT(NodeKind.EXPERT),
    ACHIEVEMENT(NodeKind.ACHIEVEMENT),
    FUND(NodeKind.FUND);

    private final NodeKind node;

    CandidateType(NodeKind node) {
        this.node = node;
    }

    public NodeKind node() {
        return node;
    }
}
