package cn.duijie.matching;

import cn.duijie.domain.NeedKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

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

    private static final int FIRMS_PER_PRODUCT = 3;

    private final Graph graph;
    private final TechMatcher tech;
    private final MakerIndex index;
    private final MatchingConfig.Consortium w;

    ConsortiumProposals(Graph graph, TechMatcher tech, MakerIndex index, MatchingConfig config) {
        this.graph = graph;
        this.tech = tech;
        this.index = index;
        this.w = config.consortium();
    }

    public Uni<List<MatchModel.ConsortiumProposal>> forNeed(Need need, Set<String> dismissed, int limit) {
        return forNeed(need, dismissed, limit, index.fresh());
    }

    /** From the in-memory index when {@code snapshot} is given, else from the graph (same rows, tested). */
    Uni<List<MatchModel.ConsortiumProposal>> forNeed(Need need, Set<String> dismissed, int limit, MakerIndex.Snapshot snapshot) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", Messages.get("matching.limit", MAX_LIMIT));
        }
        if (need.kind != NeedKind.TECH) {
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
            if (snapshot != null) {
                return Uni.createFrom().item(choose(partners(snapshot, research, need, dismissed), byId, need, limit));
            }
            Map<String, Object> params = new HashMap<>();
            params.put("buyer", need.postedBy);
            params.put("research", ids);
            params.put("techCodes", need.technologyCodeList());
            params.put("excluded", List.copyOf(dismissed));
            params.put("smes", FIRMS_PER_PRODUCT);
            params.put("w", Map.of("product", w.product(), "local", w.local(), "tier", w.tier(),
                    "collaboration", w.collaboration(), "technology", w.technology()));
            return graph.read(QUERY, params).map(rows -> choose(rows.stream().map(r -> org.neo4j.driver.Values.value(r.asMap())).toList(),
                    byId, need, limit));
        });
    }

    private List<MatchModel.ConsortiumProposal> choose(List<Value> rows, Map<String, MatchModel.Match> research, Need need, int limit) {
        double total = w.research() + w.industrialiser() + w.fund();
        record Option(Value row, MatchModel.Match research, double score) {
        }
        List<Option> options = new ArrayList<>();
        for (Value r : rows) {
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

    private MatchModel.ConsortiumProposal proposal(Value r, MatchModel.Match research, double score, double total) {
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

    /** The rows consortium-partners.cypher returns, from the in-memory index. */
    List<Value> partners(MakerIndex.Snapshot s, List<MatchModel.Match> research, Need need, Set<String> dismissed) {
        MakerIndex.Context x = s.context();
        MakerIndex.Research rx = x.research();
        MakerIndex.Firm buyer = s.firms().get(need.postedBy);
        if (buyer == null) {
            return List.of();
        }
        Set<String> techCodes = Set.copyOf(need.technologyCodeList());
        // an institution or expert brings its achievements about the wanted technologies, narrower ones or the one above
        Set<String> aboutWanted = new java.util.HashSet<>();
        techCodes.forEach(want -> rx.around(want).forEach(t -> aboutWanted.add(t.getKey())));
        double sum = w.product() + w.local() + w.tier() + w.collaboration() + w.technology();
        List<Value> rows = new ArrayList<>();
        for (MatchModel.Match m : research) {
            String type = m.candidate().type();
            MakerIndex.Party self = type.equals("ACHIEVEMENT") ? rx.achievements().get(m.candidate().id()) : null;
            MakerIndex.Party expert = type.equals("EXPERT") ? rx.experts().get(m.candidate().id()) : null;
            String instId = self != null ? self.institutionId() : type.equals("INSTITUTION") ? m.candidate().id()
                    : expert == null ? null : expert.institutionId();
            MakerIndex.Institution inst = instId == null ? null : rx.institutions().get(instId);
            if (inst == null) {
                continue;
            }
            List<MakerIndex.Party> achievements = self != null ? List.of(self)
                    : rx.achievementsByInstitution().getOrDefault(instId, List.of()).stream()
                    .filter(a -> a.techs().stream().anyMatch(aboutWanted::contains)).toList();
            for (MakerIndex.Party a : achievements) {
                for (String p : a.products()) {
                    rows.addAll(firmsFor(s, m.candidate().id(), inst, a, p, buyer, techCodes, dismissed, sum));
                }
            }
        }
        return rows;
    }

    private List<Value> firmsFor(MakerIndex.Snapshot s, String researchId, MakerIndex.Institution inst, MakerIndex.Party a, String p,
                                 MakerIndex.Firm buyer, Set<String> techCodes, Set<String> dismissed, double sum) {
        MakerIndex.Research rx = s.context().research();
        record Option(MakerIndex.Firm firm, String made, Double km, boolean collaborated, List<String> shared, double score) {
        }
        Map<String, Option> best = new HashMap<>();
        List<String> products = new ArrayList<>(List.of(p));
        for (String n : s.narrower().getOrDefault(p, List.of())) {
            if (p.equals(s.broader().getOrDefault(n, List.of()).stream().findFirst().orElse(null))) {
                products.add(n); // one level down, as BROADER*0..1
            }
        }
        for (String made : products) {
            for (MakerIndex.Firm f : s.makersByProduct().getOrDefault(made, List.of())) {
                if (f == buyer || f.leader() || dismissed.contains(f.id()) || best.containsKey(f.id())) {
                    continue;
                }
                Double km = Double.isNaN(f.lat()) || Double.isNaN(buyer.lat()) ? null
                        : SupplyMatcher.haversineKm(f.lat(), f.lon(), buyer.lat(), buyer.lon());
                boolean collaborated = inst.partners().contains(f.id());
                List<String> shared = f.techs().stream().filter(techCodes::contains).map(t -> rx.techNames().getOrDefault(t, t)).toList();
                double score = ((made.equals(p) ? 1.0 : 0.85) * w.product() + (km == null ? 0.3 : Math.exp(-km / 100.0)) * w.local()
                        + SupplyMatcher.tierScore(f.tier()) * w.tier() + (collaborated ? 1 : 0) * w.collaboration()
                        + (shared.isEmpty() ? 0 : 1) * w.technology()) / sum;
                best.put(f.id(), new Option(f, made, km, collaborated, shared, score));
            }
        }
        List<Option> top = best.values().stream().sorted(Comparator.comparingDouble(Option::score).reversed()
                .thenComparing(o -> o.firm().id())).limit(FIRMS_PER_PRODUCT).toList();
        List<Value> rows = new ArrayList<>();
        for (Option o : top) {
            Map<String, Object> row = new HashMap<>();
            row.put("researchId", researchId);
            Map<String, Object> institution = new HashMap<>();
            institution.put("id", inst.id());
            institution.put("name", inst.name());
            institution.put("regionCode", inst.regionCode());
            row.put("institution", institution);
            Map<String, Object> ach = new HashMap<>();
            ach.put("id", a.id());
            ach.put("title", a.name());
            ach.put("trl", a.trl());
            row.put("achievement", ach);
            row.put("product", Map.of("code", p, "name", s.productNames().getOrDefault(p, p)));
            row.put("made", Map.of("code", o.made(), "name", s.productNames().getOrDefault(o.made(), o.made())));
            Map<String, Object> sme = new HashMap<>();
            sme.put("creditCode", o.firm().id());
            sme.put("name", o.firm().name());
            sme.put("regionCode", o.firm().regionCode());
            sme.put("tier", o.firm().tier());
            row.put("sme", sme);
            row.put("km", o.km());
            row.put("collaborated", o.collaborated());
            row.put("sharedTech", o.shared());
            row.put("smeScore", o.score());
            row.put("fund", fundFor(s, o.firm(), p));
            rows.add(org.neo4j.driver.Values.value(row));
        }
        return rows;
    }

    /** The best fund focused on the product's segment or chain whose mandate covers the firm, or null. */
    private static Map<String, Object> fundFor(MakerIndex.Snapshot s, MakerIndex.Firm firm, String product) {
        MakerIndex.Context x = s.context();
        String segment = s.productSegment().get(product);
        String chain = segment == null ? null : x.segmentChain().get(segment);
        List<String> regions = x.regionAndAbove(firm.regionCode());
        Map<String, Object> best = null;
        double bestScore = -1;
        String bestId = null;
        for (String focus : java.util.Arrays.asList(segment, chain)) {
            if (focus == null) {
                continue;
            }
            for (MakerIndex.Fund f : x.fundsByFocus().getOrDefault(focus, List.of())) {
                if (!f.admits(regions)) {
                    continue;
                }
                boolean early = f.stages().contains("ANGEL") || f.stages().contains("A");
                double score = (focus.equals(segment) ? 0.6 : 0.4) + (early ? 0.25 : 0) + (f.mandate().isEmpty() ? 0 : 0.15);
                if (score > bestScore || (score == bestScore && f.id().compareTo(bestId) < 0)) {
                    bestScore = score;
                    bestId = f.id();
                    best = new HashMap<>();
                    best.put("id", f.id());
                    best.put("name", f.name());
                    best.put("focusId", focus);
                    best.put("focusName", focus.equals(segment) ? s.segmentNames().getOrDefault(focus, focus)
                            : x.chainNames().getOrDefault(focus, focus));
                    best.put("focusType", focus.equals(segment) ? "SEGMENT" : "CHAIN");
                    best.put("mandate", f.mandate());
                    best.put("early", early);
                    best.put("score", score);
                    best.put("regionCode", f.regionCode());
                }
            }
        }
        return best;
    }
}
