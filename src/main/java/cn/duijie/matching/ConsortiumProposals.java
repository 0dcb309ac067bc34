package cn.duijie.matching;

import cn.duijie.domain.CandidateType;

import cn.duijie.domain.NeedKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import cn.duijie.common.DomainException;
import cn.duijie.common.Messages;
import io.smallrye.mutiny.Uni;

/**
 * 揭榜挂帅 consortium proposals for a TECH need, on the TECH engine: the research side comes ranked from
 * {@link TechMatcher} (same signals, same dismissals), the snapshot adds the firms that make the products its
 * achievements apply to and funds focused on their chain, and each proposal carries the reasons of all three parts.
 * Proposals are diverse: no research candidate and no firm appears in two of them.
 */
@ApplicationScoped
public class ConsortiumProposals {

    public static final int MAX_LIMIT = 10;
    private static final Set<String> EARLY_STAGES = Set.of("ANGEL", "A");

    private final TechMatcher tech;
    private final MatchingSnapshots snapshots;
    private final MatchingConfig.Consortium w;
    private final MatchingConfig.Tree tree;

    ConsortiumProposals(TechMatcher tech, MatchingSnapshots snapshots, MatchingConfig config) {
        this.tech = tech;
        this.snapshots = snapshots;
        this.w = config.consortium();
        this.tree = config.tree();
    }

    /** A firm able to industrialise an achievement: it makes the product (or one a level narrower). */
    record Industrialiser(FirmsAndProducts.Firm firm, String made, String madeName, Double km, boolean collaborated,
                          List<String> sharedTech, double score) {
    }

    /** The fund of a proposal: focused on the product's segment or its chain. */
    record FundPick(Funds.Fund fund, String focusId, String focusName, boolean segment, boolean early, double score) {
    }

    /** One candidate consortium before the diverse choice: research side, achievement, product, firm, fund. */
    record Option(MatchModel.Match research, Research.Institution institution, Research.Party achievement, String product,
                  String productName, Industrialiser firm, FundPick fund, double score) {
    }

    public Uni<List<MatchModel.ConsortiumProposal>> forNeed(MatchQuery need, Set<String> dismissed, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DomainException.invalid("limit", Messages.get("matching.limit", MAX_LIMIT));
        }
        if (!"TECH".equals(need.kind())) {
            throw DomainException.conflict(Messages.get("consortium.tech-only", need.needId(), need.kind()));
        }
        return tech.forNeed(need, dismissed, w.researchPool())
                .chain(research -> snapshots.current().map(s -> choose(options(s, research, need, dismissed), limit)));
    }

    private List<MatchModel.ConsortiumProposal> choose(List<Option> options, int limit) {
        options.sort(Comparator.comparingDouble(Option::score).reversed().thenComparing(o -> o.firm().firm().id()));
        // first pass: no research candidate, achievement or firm in two proposals; second pass: alternatives for
        // the same achievement with other firms, when there are too few distinct ones
        Set<String> used = new HashSet<>();
        List<MatchModel.ConsortiumProposal> out = new ArrayList<>();
        for (boolean strict : new boolean[] {true, false}) {
            for (Option o : options) {
                String firm = "E" + o.firm().firm().id();
                List<String> parts = strict ? List.of("R" + o.research().candidate().id(), "A" + o.achievement().id(), firm)
                        : List.of(firm);
                if (out.size() < limit && parts.stream().noneMatch(used::contains)) {
                    used.addAll(parts);
                    used.add(firm);
                    out.add(proposal(o));
                }
            }
        }
        out.sort(Comparator.comparingDouble(MatchModel.ConsortiumProposal::score).reversed());
        return out;
    }

    private double total() {
        return w.research() + w.industrialiser() + w.fund();
    }

    private double firmWeights() {
        return w.product() + w.local() + w.tier() + w.collaboration() + w.technology();
    }

    private MatchModel.ConsortiumProposal proposal(Option o) {
        double total = total();
        Research.Institution inst = o.institution();
        Research.Party ach = o.achievement();
        Industrialiser ind = o.firm();
        String firm = ind.firm().id();
        String firmName = ind.firm().name();
        List<MatchModel.Reason> reasons = new ArrayList<>();
        double researchShare = w.research() / total;
        // the research side's own reasons, scaled to their share of the proposal
        for (MatchModel.Reason reason : o.research().reasons()) {
            reasons.add(new MatchModel.Reason(reason.code(), reason.text(), SupplyScorer.round(reason.weight() * researchShare), reason.path()));
        }
        double firmShare = w.industrialiser() / total / firmWeights();
        boolean narrower = !ind.made().equals(o.product());
        Paths makes = Paths.start("ACHIEVEMENT", ach.id(), ach.name()).to("APPLIES_TO", "PRODUCT", o.product(), o.productName());
        if (narrower) {
            makes.from("BROADER", "PRODUCT", ind.made(), ind.madeName());
        }
        reasons.add(new MatchModel.Reason("INDUSTRIALISER_MAKES", Messages.get("reason.consortium.makes", firmName, ind.madeName(), ach.name()),
                SupplyScorer.round(firmShare * w.product() * (narrower ? tree.narrower() : tree.exact())),
                makes.from("MAKES", "ENTERPRISE", firm, firmName).build()));
        if (ind.km() != null) {
            reasons.add(new MatchModel.Reason("INDUSTRIALISER_LOCAL", Messages.get("reason.consortium.local", Math.round(ind.km())),
                    SupplyScorer.round(firmShare * w.local() * Math.exp(-ind.km() / w.localScaleKm())), null));
        }
        cn.duijie.domain.Tier tier = ind.firm().tier();
        if (tier != cn.duijie.domain.Tier.NONE) {
            reasons.add(new MatchModel.Reason("INDUSTRIALISER_TIER", Messages.get("reason.tier." + tier.name()),
                    SupplyScorer.round(firmShare * w.tier() * SupplyScorer.tierScore(tier)), null));
        }
        List<String> flags = new ArrayList<>();
        if (ind.collaborated()) {
            flags.add("PAST_PARTNERS");
            reasons.add(new MatchModel.Reason("CONSORTIUM_PAST_COLLABORATION", Messages.get("reason.tech.collab.buyer", inst.name()),
                    SupplyScorer.round(firmShare * w.collaboration()),
                    Paths.start("INSTITUTION", inst.id(), inst.name()).to("COLLABORATED_WITH", "ENTERPRISE", firm, firmName).build()));
        }
        if (!ind.sharedTech().isEmpty()) {
            reasons.add(new MatchModel.Reason("INDUSTRIALISER_HAS_TECH", Messages.get("reason.consortium.tech", String.join("、", ind.sharedTech())),
                    SupplyScorer.round(firmShare * w.technology()), null));
        }
        FundPick fund = o.fund();
        MatchModel.Candidate fundCandidate = null;
        if (fund != null) {
            Funds.Fund f = fund.fund();
            fundCandidate = new MatchModel.Candidate(CandidateType.FUND, f.id(), f.name(), f.regionCode(), null);
            String focusType = fund.segment() ? "SEGMENT" : "CHAIN";
            Paths focus = Paths.start("FUND", f.id(), f.name()).to("FOCUSES_ON", focusType, fund.focusId(), fund.focusName());
            focus = fund.segment() ? focus.from("IN_SEGMENT", "PRODUCT", o.product(), o.productName()) : focus;
            reasons.add(new MatchModel.Reason("FUND_FOCUS", Messages.get("reason.fin.focus", fund.focusName()),
                    SupplyScorer.round(w.fund() / total * fund.score()), focus.build()));
            if (fund.early()) {
                reasons.add(new MatchModel.Reason("FUND_EARLY_STAGE", Messages.get("reason.consortium.early"), 0, null));
            }
            if (!f.mandate().isEmpty()) {
                reasons.add(new MatchModel.Reason("LOCAL_MANDATE", Messages.get("reason.fin.mandate"), 0, null));
            }
        }
        reasons.sort(Comparator.comparingDouble(MatchModel.Reason::weight).reversed());
        return new MatchModel.ConsortiumProposal(SupplyScorer.round(o.score()), o.research().candidate(),
                new MatchModel.Candidate(CandidateType.INSTITUTION, inst.id(), inst.name(), inst.regionCode(), null),
                new MatchModel.Candidate(CandidateType.ACHIEVEMENT, ach.id(), ach.name(), inst.regionCode(), null),
                new MatchModel.Candidate(CandidateType.ENTERPRISE, firm, firmName, ind.firm().regionCode(), tier.name()),
                fundCandidate, reasons, flags);
    }

    /** Every (research candidate, achievement, product, firm) option, with the best fund for each. */
    List<Option> options(MatchingSnapshot s, List<MatchModel.Match> research, MatchQuery need, Set<String> dismissed) {
        Research rx = s.research();
        FirmsAndProducts.Firm buyer = s.firms().firm(need.postedBy());
        if (buyer == null) {
            return new ArrayList<>();
        }
        Set<String> techCodes = Set.copyOf(need.technologyCodes());
        // an institution or expert brings its achievements about the wanted technologies, narrower ones or the one above
        Set<String> aboutWanted = new HashSet<>();
        techCodes.forEach(want -> rx.around(want, tree).forEach(t -> aboutWanted.add(t.getKey())));
        double total = total();
        List<Option> out = new ArrayList<>();
        for (MatchModel.Match m : research) {
            CandidateType type = m.candidate().type();
            Research.Party self = type == CandidateType.ACHIEVEMENT ? rx.achievements().get(m.candidate().id()) : null;
            Research.Party expert = type == CandidateType.EXPERT ? rx.experts().get(m.candidate().id()) : null;
            String instId = self != null ? self.institutionId() : type == CandidateType.INSTITUTION ? m.candidate().id()
                    : expert == null ? null : expert.institutionId();
            Research.Institution inst = instId == null ? null : rx.institutions().get(instId);
            if (inst == null) {
                continue;
            }
            List<Research.Party> achievements = self != null ? List.of(self)
                    : rx.achievementsByInstitution().getOrDefault(instId, List.of()).stream()
                    .filter(a -> a.techs().stream().anyMatch(aboutWanted::contains)).toList();
            for (Research.Party a : achievements) {
                for (String p : a.products()) {
                    String productName = s.firms().productNames().getOrDefault(p, p);
                    for (Industrialiser ind : industrialisers(s, inst, p, buyer, techCodes, dismissed)) {
                        FundPick fund = fundFor(s, ind.firm(), p);
                        double score = (w.research() * m.score() + w.industrialiser() * ind.score()
                                + w.fund() * (fund == null ? 0 : fund.score())) / total;
                        out.add(new Option(m, inst, a, p, productName, ind, fund, score));
                    }
                }
            }
        }
        return out;
    }

    /** The best firms (not leaders, not the challenger, not dismissed) making product p or one a level narrower. */
    private List<Industrialiser> industrialisers(MatchingSnapshot snapshot, Research.Institution inst, String p,
                                                 FirmsAndProducts.Firm buyer, Set<String> techCodes, Set<String> dismissed) {
        FirmsAndProducts s = snapshot.firms();
        Research rx = snapshot.research();
        Map<String, Industrialiser> best = new HashMap<>();
        List<String> products = new ArrayList<>(List.of(p));
        for (String n : s.narrower().getOrDefault(p, List.of())) {
            if (p.equals(s.broader().getOrDefault(n, List.of()).stream().findFirst().orElse(null))) {
                products.add(n); // one level down, as BROADER*0..1
            }
        }
        double sum = firmWeights();
        for (String made : products) {
            for (FirmsAndProducts.Firm f : s.makersByProduct().getOrDefault(made, List.of())) {
                if (f == buyer || f.leader() || dismissed.contains(f.id()) || best.containsKey(f.id())) {
                    continue;
                }
                Double km = Double.isNaN(f.lat()) || Double.isNaN(buyer.lat()) ? null
                        : SupplyMatcher.haversineKm(f.lat(), f.lon(), buyer.lat(), buyer.lon());
                boolean collaborated = inst.partners().contains(f.id());
                List<String> shared = f.techs().stream().filter(techCodes::contains).map(t -> rx.techNames().getOrDefault(t, t)).toList();
                double score = ((made.equals(p) ? tree.exact() : tree.narrower()) * w.product()
                        + (km == null ? w.unknownLocal() : Math.exp(-km / w.localScaleKm())) * w.local()
                        + SupplyScorer.tierScore(f.tier()) * w.tier() + (collaborated ? 1 : 0) * w.collaboration()
                        + (shared.isEmpty() ? 0 : 1) * w.technology()) / sum;
                best.put(f.id(), new Industrialiser(f, made, s.productNames().getOrDefault(made, made), km, collaborated, shared, score));
            }
        }
        return best.values().stream().sorted(Comparator.comparingDouble(Industrialiser::score).reversed()
                .thenComparing(o -> o.firm().id())).limit(w.firmsPerProduct()).toList();
    }

    /** The best fund focused on the product's segment or chain whose mandate covers the firm, or null. */
    private FundPick fundFor(MatchingSnapshot s, FirmsAndProducts.Firm firm, String product) {
        String segment = s.firms().productSegment().get(product);
        String chain = segment == null ? null : s.firms().segmentChain().get(segment);
        List<String> regions = s.regions().regionAndAbove(firm.regionCode());
        FundPick best = null;
        for (String focus : java.util.Arrays.asList(segment, chain)) {
            if (focus == null) {
                continue;
            }
            boolean onSegment = focus.equals(segment);
            for (Funds.Fund f : s.funds().byFocus().getOrDefault(focus, List.of())) {
                if (!f.admits(regions)) {
                    continue;
                }
                boolean early = f.stages().stream().anyMatch(EARLY_STAGES::contains);
                double score = (onSegment ? w.fundSegment() : w.fundChain()) + (early ? w.fundEarly() : 0)
                        + (f.mandate().isEmpty() ? 0 : w.fundMandate());
                if (best == null || score > best.score() || (score == best.score() && f.id().compareTo(best.fund().id()) < 0)) {
                    best = new FundPick(f, focus, onSegment ? s.firms().segmentNames().getOrDefault(focus, focus)
                            : s.firms().chainNames().getOrDefault(focus, focus), onSegment, early, score);
                }
            }
        }
        return best;
    }
}
