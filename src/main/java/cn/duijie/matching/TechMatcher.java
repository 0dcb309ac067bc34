package cn.duijie.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Industry–academia matching (产学研): finds achievements, institutions and experts for a TECH need in the matching
 * snapshot and builds their {@link TechSignals}; {@link TechScorer} scores them. Text-only hits are capped, so a lab
 * with matching words but the wrong technology ranks below one whose achievement is about the wanted technology.
 */
@ApplicationScoped
public class TechMatcher {

    private final MatchingSnapshots snapshots;
    private final TextHits text;
    private final TechScorer scorer;
    private final MatchingConfig.Tech w;
    private final MatchingConfig.Tree tree;

    TechMatcher(MatchingSnapshots snapshots, TextHits text, MatchingConfig config) {
        this.snapshots = snapshots;
        this.text = text;
        this.w = config.tech();
        this.tree = config.tree();
        this.scorer = new TechScorer(config.tech());
    }

    public Uni<List<MatchModel.Match>> forNeed(MatchQuery need, Set<String> dismissed, int limit) {
        return forNeed(need, dismissed, limit, null);
    }

    /** With {@code only} set, scores just that candidate (an institution's view of the TECH needs). */
    public Uni<List<MatchModel.Match>> forNeed(MatchQuery need, Set<String> dismissed, int limit, String only) {
        return snapshots.current().chain(s -> forNeed(s, need, dismissed, limit, only));
    }

    /**
     * An institution's view (its opportunities): the open TECH needs wanting a technology it works on (or one its
     * fields fit through the tree, as in {@link Research#around}), scored from one snapshot as the need's own list
     * would score the institution, best first; null when there is no such institution. Every candidate is scored
     * without the text signal first (cheap); the full-text search of a need's words, which can add at most
     * {@link TechScorer#maxTextGain}, runs only for needs that could still make the list.
     */
    public Uni<List<ReverseMatch>> needsFor(MatchingSnapshot s, String institutionId, Set<String> dismissedNeeds, int limit) {
        Research.Party party = s.research().institutionParties().get(institutionId);
        if (party == null) {
            return Uni.createFrom().nullItem();
        }
        Map<String, MatchQuery> candidates = new java.util.TreeMap<>();
        for (String want : s.research().servedBy(party.techs())) {
            for (MatchQuery n : s.needs().techByTechnology().getOrDefault(want, List.of())) {
                if (!dismissedNeeds.contains(n.needId())) {
                    candidates.put(n.needId(), n);
                }
            }
        }
        List<ReverseMatch> structural = new ArrayList<>();
        for (MatchQuery n : candidates.values()) {
            rank(s, n, List.of(), Set.of(), 1, institutionId).forEach(m -> structural.add(new ReverseMatch(n, m)));
        }
        structural.sort(BEST_FIRST);
        double gain = scorer.maxTextGain() + 0.0001; // and the rounding of a shown score
        return exact(s, structural, 0, new ArrayList<>(), gain, institutionId, limit);
    }

    private static final Comparator<ReverseMatch> BEST_FIRST = Comparator
            .comparingDouble((ReverseMatch o) -> o.match().score()).reversed().thenComparing(o -> o.need().needId());

    /** The exact scores (with the text signal), in the order of the structural ones, until none left can make the list. */
    private Uni<List<ReverseMatch>> exact(MatchingSnapshot s, List<ReverseMatch> structural, int from, List<ReverseMatch> done,
                                         double gain, String institutionId, int limit) {
        done.sort(BEST_FIRST);
        boolean full = done.size() >= limit;
        if (from >= structural.size() || full && structural.get(from).match().score() + gain < done.get(limit - 1).match().score()) {
            return Uni.createFrom().item(done.size() > limit ? List.copyOf(done.subList(0, limit)) : List.copyOf(done));
        }
        int to = Math.min(structural.size(), from + 8); // a few needs' text searches at once
        List<Uni<List<ReverseMatch>>> each = new ArrayList<>();
        for (ReverseMatch o : structural.subList(from, to)) {
            each.add(forNeed(s, o.need(), Set.of(), 1, institutionId).map(ms -> ms.stream().map(m -> new ReverseMatch(o.need(), m)).toList()));
        }
        return Uni.join().all(each).usingConcurrencyOf(4).andFailFast().chain(lists -> {
            lists.forEach(done::addAll);
            return exact(s, structural, to, done, gain, institutionId, limit);
        });
    }

    /** {@link #forNeed} on a given snapshot version (a reverse view scores many needs against one). */
    Uni<List<MatchModel.Match>> forNeed(MatchingSnapshot s, MatchQuery need, Set<String> dismissed, int limit, String only) {
        return text.research((need.title() + " " + need.description()).strip()).map(hits -> rank(s, need, hits, dismissed, limit, only));
    }

    /**
     * Each candidate's best fit from the technology tree, applications to products and the full-text hits; every
     * candidate is scored ({@link TechScorer#value}), the pool is the best of them (ties by key), and only the pool
     * gets its reasons.
     */
    List<MatchModel.Match> rank(MatchingSnapshot snapshot, MatchQuery need, List<TextHits.Hit> hits, Set<String> dismissed,
                                int limit, String only) {
        Research x = snapshot.research();
        FirmsAndProducts.Firm buyer = snapshot.firms().firm(need.postedBy());
        if (buyer == null) {
            return List.of();
        }
        record Fit(double fit, TechSignals.How how, String viaCode, String viaName, String wantCode, String wantName) {
        }
        record Level(String tech, double fit, String want) {
        }
        // an institution's view scores that one party alone, with the same fit and text as in the need's full list
        Research.Party single = only == null ? null : x.party(only);
        if (only != null && single == null) {
            return List.of();
        }
        List<Level> levels = new ArrayList<>();
        for (String want : need.technologyCodes()) {
            x.around(want, tree).forEach(t -> levels.add(new Level(t.getKey(), t.getValue(), want)));
        }
        levels.sort(Comparator.comparingDouble(Level::fit).reversed());
        Map<String, Research.Party> parties = new LinkedHashMap<>();
        Map<String, Fit> best = new HashMap<>();
        for (Level l : levels) {
            Fit fit = new Fit(l.fit(), TechSignals.How.TECH, l.tech(), x.techNames().get(l.tech()), l.want(), x.techNames().get(l.want()));
            for (Research.Party party : listed(x.byTech(), l.tech(), single, single == null ? null : single.techs())) {
                if (best.putIfAbsent(party.key(), fit) == null) {
                    parties.put(party.key(), party);
                }
            }
        }
        double application = w.productApplication();
        for (String code : need.productCodes()) {
            String name = snapshot.firms().productNames().getOrDefault(code, code);
            Fit fit = new Fit(application, TechSignals.How.PRODUCT, code, name, code, name);
            for (Research.Party party : listed(x.byProduct(), code, single, single == null ? null : single.products())) {
                Fit old = best.get(party.key());
                if (old == null || old.fit() < application) {
                    best.put(party.key(), fit);
                    parties.put(party.key(), party);
                }
            }
        }
        Set<String> textToo = new HashSet<>();
        for (TextHits.Hit h : hits) {
            Research.Party party = h.index().equals("A") ? x.achievements().get(h.id()) : x.institutionParties().get(h.id());
            if (party != null && (only == null || only.equals(party.id())) && textToo.add(party.key()) && !best.containsKey(party.key())) {
                best.put(party.key(), new Fit(h.score(), TechSignals.How.TEXT, null, null, null, null));
                parties.put(party.key(), party);
            }
        }
        // every candidate's full score (numbers only, cheap), the pool cut by it; reasons only for the pool. A cut by a
        // pre-score of fit and nearness alone dropped the institution with the track record in about half the cases.
        record Scored(TechSignals signals, String key, String institutionId, double value) {
        }
        boolean buyerLocated = !Double.isNaN(buyer.lat());
        double maxText = hits.stream().mapToDouble(TextHits.Hit::score).max().orElse(1);
        SupplySignals.Party asker = new SupplySignals.Party(buyer.id(), buyer.name());
        int pool = Math.max(w.pool(), limit * 3);
        TopK<Scored> top = new TopK<>(pool, Comparator.comparingDouble(Scored::value)
                .thenComparing(Scored::key, Comparator.reverseOrder()));
        for (Research.Party party : parties.values()) {
            if (only != null && !only.equals(party.id()) || dismissed.contains(party.id())) {
                continue;
            }
            Fit f = best.get(party.key());
            Research.Institution inst = party.institutionId() == null ? null : x.institutions().get(party.institutionId());
            Double km = inst == null || Double.isNaN(inst.lat()) || !buyerLocated ? null
                    : SupplyMatcher.haversineKm(inst.lat(), inst.lon(), buyer.lat(), buyer.lon());
            double fit = f.how() == TechSignals.How.TEXT ? scorer.textFit(f.fit(), maxText) : scorer.withText(f.fit(), textToo.contains(party.key()));
            TechSignals signals = new TechSignals(asker, need.title(), party.type(), party.id(), party.name(),
                    party.trl(), fit, f.how(), f.viaCode(), f.viaName(), f.wantCode(), f.wantName(), km,
                    inst == null ? null : inst.id(), inst == null ? null : inst.name(), inst == null ? null : inst.regionCode(),
                    inst != null && inst.partners().contains(buyer.id()), inst == null ? 0 : inst.collaborations(),
                    snapshot.track().of(party.key()).deals());
            top.offer(new Scored(signals, party.key(), inst == null ? party.id() : inst.id(), scorer.value(signals)));
        }
        List<MatchModel.Match> out = new ArrayList<>();
        Map<String, String> institutionOf = new HashMap<>();
        for (Scored p : top.kept()) {
            out.add(scorer.score(p.signals()));
            institutionOf.put(p.signals().id(), p.institutionId());
        }
        return diverse(out, institutionOf, limit);
    }

    /**
     * The parties listed under {@code code} in an index (by technology or product); with {@code single}, just that
     * party when its own codes hold {@code code} (the same answer, without walking a list of thousands).
     */
    private static List<Research.Party> listed(Map<String, List<Research.Party>> index, String code, Research.Party single,
                                               List<String> codesOfSingle) {
        if (single == null) {
            return index.getOrDefault(code, List.of());
        }
        return codesOfSingle.contains(code) ? List.of(single) : List.of();
    }

    /**
     * Best first, but at most {@code per-institution} candidates of one institution before every other institution
     * has had its turn: a list of ten achievements of one lab hides the other labs. The rest fill up after.
     */
    private List<MatchModel.Match> diverse(List<MatchModel.Match> out, Map<String, String> institutionOf, int limit) {
        out.sort(Comparator.comparingDouble(MatchModel.Match::score).reversed().thenComparing(m -> m.candidate().id()));
        List<MatchModel.Match> first = new ArrayList<>();
        List<MatchModel.Match> later = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (MatchModel.Match m : out) {
            String inst = institutionOf.getOrDefault(m.candidate().id(), m.candidate().id());
            (seen.merge(inst, 1, Integer::sum) <= w.perInstitution() ? first : later).add(m);
        }
        first.addAll(later);
        return first.size() > limit ? first.subList(0, limit) : first;
    }
}
