package cn.duijie.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import cn.duijie.graph.Graph;
import cn.duijie.need.Need;
import io.smallrye.mutiny.Uni;

/**
 * 揭榜挂帅 consortium proposals for a TECH need, on the TECH engine: the research side comes ranked from
 * {@link TechMatcher} (same signals, same dismissals), the graph adds the firms that make the products its
 * achievements apply to and funds focused on their chain, and each proposal carries the reasons of all three parts.
 * Proposals are diverse: no research candidate and no firm appears in two of them.
 */
@ApplicationScoped
public class ConsortiumProposals {

    public static final int MAX_LIMIT = 10;
    private static final String QUERY = Graph.cypher("matching/consortium-partners.cypher");

    private final Graph graph;
    private final TechMatcher tech;
    private final MatchingConfig.Consortium w;

    ConsortiumProposals(Graph graph, TechMatcher tech, MatchingConfig config) {
        this.graph = graph;
        this.tech = tech;
        this.w = config.consortium();
    }

    public Uni<List<MatchModel.ConsortiumProposal>> forNeed(Need need, Set<String> dismissed, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", Messages.get("matching.limit", MAX_LIMIT));
        }
        if (!Need.Kind.TECH.name().equals(need.kind)) {
            throw DomainException.conflict(Messages.get("consortium.tech-only", need.id, need.kind));
        }
        return tech.forNeed(need, dismissed, w.researchPool()).chain(research -> {
            if (research.isEmpty()) {
                return Uni.createFrom().item(List.<MatchModel.ConsortiumProposal>of());
            }
            Map<String, MatchModel.Match> byId = new HashMap<>();
            List<Map<String, Object>> ids = new ArrayList<>();
            for (MatchModel.Match m : research) {
                byId.put(m.candidate().id(), m);
                ids.add(Map.of("id", m.candidate().id(), "type", m.candidate().type()));
            }
            Map<String, Object> params = new HashMap<>();
            params.put("buyer", need.postedBy);
            params.put("research", ids);
            params.put("techCodes", need.technologyCodeList());
            params.put("excluded", List.copyOf(dismissed));
            params.put("smes", 3);
            params.put("w", Map.of("product", w.product(), "local", w.local(), "tier", w.tier(),
                    "collaboration", w.collaboration(), "technology", w.technology()));
            return graph.read(QUERY, params).map(rows -> choose(rows, byId, need, limit));
        });
    }

    private List<MatchModel.ConsortiumProposal> choose(List<Record> rows, Map<String, MatchModel.Match> research, Need need, int limit) {
        double total = w.research() + w.industrialiser() + w.fund();
        record Option(Record row, MatchModel.Match research, double score) {
        }
        List<Option> options = new ArrayList<>();
        for (Record r : rows) {
            MatchModel.Match m = research.get(r.get("researchId").asString());
            Value fund = r.get("fund");
            double fundScore = fund.isNull() ? 0 : fund.get("score").asDouble();
            options.add(new Option(r, m, (w.research() * m.score() + w.industrialiser() * r.get("smeScore").asDouble()
                    + w.fund() * fundScore) / total));
        }
        options.sort(Comparator.comparingDouble(Option::score).reversed()
                .thenComparing(o -> o.row().get("sme").get("creditCode").asString()));
        // first pass: no research candidate, achievement or firm in two proposals; second pass: alternatives for
        // the same achievement with other firms, when there are too few distinct ones
        Set<String> used = new HashSet<>();
        List<MatchModel.ConsortiumProposal> out = new ArrayList<>();
        for (boolean strict : new boolean[] {true, false}) {
            for (Option o : options) {
                String firm = "E" + o.row().get("sme").get("creditCode").asString();
                List<String> parts = strict ? List.of("R" + o.research().candidate().id(),
                        "A" + o.row().get("achievement").get("id").asString(), firm) : List.of(firm);
                if (out.size() < limit && parts.stream().noneMatch(used::contains)) {
                    used.addAll(parts);
                    used.add(firm);
                    out.add(proposal(o.row(), o.research(), o.score(), total));
                }
            }
        }
        out.sort(Comparator.comparingDouble(MatchModel.ConsortiumProposal::score).reversed());
        return out;
    }

    private MatchModel.ConsortiumProposal proposal(Record r, MatchModel.Match research, double score, double total) {
        Value inst = r.get("institution");
        Value ach = r.get("achievement");
        Value product = r.get("product");
        Value made = r.get("made");
        Value sme = r.get("sme");
        String firm = sme.get("creditCode").asString();
        String firmName = sme.get("name").asString();
        String instId = inst.get("id").asString();
        String instName = inst.get("name").asString();
        List<MatchModel.Reason> reasons = new ArrayList<>();
        double researchShare = w.research() / total;
        // the research side's own reasons, scaled to their share of the proposal
        for (MatchModel.Reason reason : research.reasons()) {
            reasons.add(new MatchModel.Reason(reason.code(), reason.text(), SupplyMatcher.round(reason.weight() * researchShare), reason.path()));
        }
        double firmShare = w.industrialiser() / total / (w.product() + w.local() + w.tier() + w.collaboration() + w.technology());
        boolean narrower = !made.get("code").asString().equals(product.get("code").asString());
        Paths makes = Paths.start("ACHIEVEMENT", ach.get("id").asString(), ach.get("title").asString())
                .to("APPLIES_TO", "PRODUCT", product.get("code").asString(), product.get("name").asString());
        if (narrower) {
            makes.from("BROADER", "PRODUCT", made.get("code").asString(), made.get("name").asString());
        }
        reasons.add(new MatchModel.Reason("INDUSTRIALISER_MAKES", Messages.get("reason.consortium.makes", firmName,
                made.get("name").asString(), ach.get("title").asString()),
                SupplyMatcher.round(firmShare * w.product() * (narrower ? 0.85 : 1)),
                makes.from("MAKES", "ENTERPRISE", firm, firmName).build()));
        Value km = r.get("km");
        if (!km.isNull()) {
            reasons.add(new MatchModel.Reason("INDUSTRIALISER_LOCAL", Messages.get("reason.consortium.local", Math.round(km.asDouble())),
                    SupplyMatcher.round(firmShare * w.local() * Math.exp(-km.asDouble() / 100.0)), null));
        }
        String tier = sme.get("tier").asString("NONE");
        if (!tier.equals("NONE")) {
            reasons.add(new MatchModel.Reason("INDUSTRIALISER_TIER", Messages.get("reason.tier." + tier),
                    SupplyMatcher.round(firmShare * w.tier() * SupplyMatcher.tierScore(tier)), null));
        }
        List<String> flags = new ArrayList<>();
        if (r.get("collaborated").asBoolean()) {
            flags.add("PAST_PARTNERS");
            reasons.add(new MatchModel.Reason("CONSORTIUM_PAST_COLLABORATION", Messages.get("reason.tech.collab.buyer", instName),
                    SupplyMatcher.round(firmShare * w.collaboration()),
                    Paths.start("INSTITUTION", instId, instName).to("COLLABORATED_WITH", "ENTERPRISE", firm, firmName).build()));
        }
        List<String> shared = r.get("sharedTech").asList(Value::asString);
        if (!shared.isEmpty()) {
            reasons.add(new MatchModel.Reason("INDUSTRIALISER_HAS_TECH", Messages.get("reason.consortium.tech", String.join("、", shared)),
                    SupplyMatcher.round(firmShare * w.technology()), null));
        }
        Value fund = r.get("fund");
        MatchModel.Candidate fundCandidate = null;
        if (!fund.isNull()) {
            String fundId = fund.get("id").asString();
            String fundName = fund.get("name").asString();
            fundCandidate = new MatchModel.Candidate("FUND", fundId, fundName, fund.get("regionCode").asString(null), null);
            boolean segment = fund.get("focusType").asString().equals("SEGMENT");
            Paths focus = Paths.start("FUND", fundId, fundName).to("FOCUSES_ON", fund.get("focusType").asString(),
                    fund.get("focusId").asString(), fund.get("focusName").asString());
            focus = segment ? focus.from("IN_SEGMENT", "PRODUCT", product.get("code").asString(), product.get("name").asString())
                    : focus;
            reasons.add(new MatchModel.Reason("FUND_FOCUS", Messages.get("reason.fin.focus", fund.get("focusName").asString()),
                    SupplyMatcher.round(w.fund() / total * fund.get("score").asDouble()), focus.build()));
            if (fund.get("early").asBoolean()) {
                reasons.add(new MatchModel.Reason("FUND_EARLY_STAGE", Messages.get("reason.consortium.early"), 0, null));
            }
            if (!fund.get("mandate").asString("").isEmpty()) {
                reasons.add(new MatchModel.Reason("LOCAL_MANDATE", Messages.get("reason.fin.mandate"), 0, null));
            }
        }
        reasons.sort(Comparator.comparingDouble(MatchModel.Reason::weight).reversed());
        String achId = ach.get("id").asString();
        return new MatchModel.ConsortiumProposal(SupplyMatcher.round(score), research.candidate(),
                new MatchModel.Candidate("INSTITUTION", instId, instName, inst.get("regionCode").asString(null), null),
                new MatchModel.Candidate("ACHIEVEMENT", achId, ach.get("title").asString(), inst.get("regionCode").asString(null), null),
                new MatchModel.Candidate("ENTERPRISE", firm, firmName, sme.get("regionCode").asString(null), sme.get("tier").asString(null)),
                fundCandidate, reasons, flags);
    }
}
