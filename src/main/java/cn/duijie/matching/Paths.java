package cn.duijie.matching;

import java.util.ArrayList;
import java.util.List;

import cn.duijie.common.Messages;

/** Builds reason paths: alternating nodes and relationships, with a readable line such as A —需要→ B ←生产— C. */
final class Paths {

    private final List<MatchModel.PathNode> nodes = new ArrayList<>();
    private final List<String> relationships = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    static Paths start(String type, String id, String name) {
        Paths p = new Paths();
        p.nodes.add(new MatchModel.PathNode(type, id, name));
        p.text.append(name);
        return p;
    }

    /** A relationship pointing forward (this → next). */
    Paths to(String relationship, String type, String id, String name) {
        relationships.add(relationship);
        nodes.add(new MatchModel.PathNode(type, id, name));
        text.append(" —").append(Messages.get("rel." + relationship)).append("→ ").append(name);
        return this;
    }

    /** A relationship pointing backward (this ← next). */
    Paths from(String relationship, String type, String id, String name) {
        relationships.add(relationship);
        nodes.add(new MatchModel.PathNode(type, id, name));
        text.append(" ←").append(Messages.get("rel." + relationship)).append("— ").append(name);
        return this;
    }

    MatchModel.ReasonPath build() {
        return new MatchModel.ReasonPath(List.copyOf(nodes), List.copyOf(relationships), text.toString());
    }
}
