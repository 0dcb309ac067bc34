package cn.duijie.matching;

import cn.duijie.domain.Tier;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;


import io.smallrye.mutiny.Uni;

/**
 * Supply pairing (产需对接): finds the candidates of a SUPPLY need in the matching snapshot and builds their
 * {@link SupplySignals}; {@link SupplyScorer} scores them. Hard filters: the buyer itself, dismissed candidates,
 * required certifications, the need's radius. The reverse view (a maker's opportunities) builds the same signals.
 */
@ApplicationScoped
public class SupplyMatcher {

    private final MatchingSnapshots snapshots;
    private final SupplyScorer scorer;
    private final MatchingConfig config;
    private final MatchingConfig.Supply w;
    private final MatchingConfig.Tree tree;

    /** The cache of text hits; null in tests without Quarkus. */
    private final TextHits textIndex;

    SupplyMatcher(MatchingSnapshots snapshots, MatchingConfig config) {
        this(snapshots, config, null);
    }

    @jakarta.inject.Inject
    SupplyMatcher(MatchingSnapshots snapshots, MatchingConfig config, TextHits textIndex) {
        this.snapshots = snapshots;
        this.textIndex = textIndex;
        this.config = config;
        this.w = config.supply();
        this.tree = config.tree();
        this.scorer = new SupplyScorer(config.supply());
    }

    /** Ranked candidates for a SUPPLY need, best first. */
    public Uni<List<MatchModel.Match>> forNeed(MatchQuery need, Set<String> dismissed, int limit) {
        return snapshots.current().map(s -> rank(s, need, textHits(s, need.title()), dismissed, limit));
    }

    /**
     * Candidates from the snapshot: makers of the wanted products, of narrower, broader and sibling products, of the
     * products most often made together with them (co-production), and the full-text hits of the need's text; a
     * bounded pool by {@link SupplyScorer#prescore} (capability known so far, nearness, tier); then every signal and
     * the score. A candidate without capability evidence ({@link SupplyScorer#minCapability}) is not shown.
     */
    List<MatchModel.Match> rank(MatchingSnapshot snapshot, MatchQuery need, List<TextHits.Hit> hits, Set<String> dismissed,
                                int limit) {
        FirmsAndProducts s = snapshot.firms();
        SupplyEvidence ask = new SupplyEvidence(s, config, need.productCodes(), need.title(), need.description());
        // product groups, best capability first: for each wanted product exact, narrower, broader, sibling; then the
        // products made together with it
        record Group(String product, double capability) {
        }
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < need.productCodes().size(); i++) {
            String want = need.productCodes().get(i);
            groups.add(new Group(want, tree.exact()));
            s.narrower().getOrDefault(want, List.of()).forEach(n -> groups.add(new Group(n, tree.narrower())));
            s.broader().getOrDefault(want, List.of()).forEach(b -> groups.add(new Group(b, tree.broader())));
            s.siblings().getOrDefault(want, List.of()).forEach(x -> groups.add(new Group(x, tree.sibling())));
            ask.similar().get(i).forEach(x -> groups.add(new Group(x.product(), scorer.coEvidence(x.cosine()))));
        }
        groups.sort(Comparator.comparingDouble(Group::capability).reversed()); // stable: ties keep the wanted products' order
        String buyerId = need.postedBy();
        FirmsAndProducts.Firm buyer = s.firm(buyerId);
        List<String> certs = need.requiredCertifications();
        Double maxKm = need.maxDistanceKm();
        int pool = Math.max(w.pool(), limit);
        boolean buyerLocated = buyer != null && !Double.isNaN(buyer.lat());
        record Pre(FirmsAndProducts.Firm firm, Double km, double score) {
        }
        // keep only the best pool by pre-score: a bounded heap, worst on top
        TopK<Pre> top = new TopK<>(pool,
                Comparator.comparingDouble(Pre::score).thenComparing(p -> p.firm().id(), Comparator.reverseOrder()));
        java.util.function.ObjDoubleConsumer<FirmsAndProducts.Firm> offer = (c, capability) -> {
            if (c == null || c.id().equals(buyerId) || dismissed.contains(c.id())
                    || (!certs.isEmpty() && !c.certifications().containsAll(certs))) {
                return;
            }
            Double km = !buyerLocated || Double.isNaN(c.lat()) ? null : haversineKm(c.lat(), c.lon(), buyer.lat(), buyer.lon());
            if (maxKm != null && (km == null || km > maxKm)) {
                return;
            }
            top.offer(new Pre(c, km, scorer.prescore(capability, km, c.tier())));
        };
        BitSet seen = new BitSet(s.nextIdx());
        for (Group g : groups) {
            // a group whose best possible pre-score cannot beat the pool's worst adds nothing: skip it whole
            if (top.full() && scorer.prescoreBound(g.capability(), 0, Tier.CHAMPION) < top.worst().score()) {
                continue;
            }
            for (FirmsAndProducts.Firm c : s.makersByProduct().getOrDefault(g.product(), List.of())) {
                if (seen.get(c.idx())) {
                    continue;
                }
                seen.set(c.idx());
                if (top.full() && buyerLocated && !Double.isNaN(c.lat())) {
                    // the latitude difference alone bounds the distance from below: skip firms that cannot make the pool
                    double minKm = Math.abs(Math.toRadians(c.lat()) - Math.toRadians(buyer.lat())) * EARTH_RADIUS_KM;
                    if (scorer.prescoreBound(g.capability(), minKm, c.tier()) < top.worst().score()) {
                        continue;
                    }
                }
                offer.accept(c, g.capability());
            }
        }
        // full-text hits not offered yet: their capability from the tree and their words
        for (TextHits.Hit h : hits) {
            FirmsAndProducts.Firm c = s.firm(h.id());
            if (c == null || seen.get(c.idx())) {
                continue;
            }
            seen.set(c.idx());
            SupplySignals.ProductFit fit = ask.fit(c);
            offer.accept(c, SupplyScorer.combine(fit.fit(), scorer.textEvidence(ask.text(c, fit.listed()))));
        }
        Set<String> buyerSegments = buyerSegments(s, buyer, need.productCodes());
        // score the pool, then build the reasons (the costly part: texts and paths) only for the rows returned
        record Scored(SupplySignals signals, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Pre p : top.kept()) {
            SupplySignals signals = signals(snapshot, ask, p.firm(), buyer, buyerId, buyerSegments, p.km(), need);
            if (scorer.capability(signals) >= scorer.minCapability()) {
                scored.add(new Scored(signals, scorer.value(signals)));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(x -> x.signals().candidate().id()));
        return scored.stream().limit(limit).map(x -> scorer.score(x.signals())).toList();
    }

    /**
     * Discovery (补链, second sourcing): firms able to make a product they do not list — makers of its siblings and
     * of the product one level up, makers of the products most often made together with it, and firms whose words
     * name it — in the region and below when one is given; best first, each flagged DISCOVERED with its evidence.
     */
    public Uni<List<MatchModel.Match>> potentialMakers(String product, String region, int limit) {
        return snapshots.current().chain(snapshot -> {
            FirmsAndProducts s = snapshot.firms();
            String name = s.productNames().get(product);
            if (name == null) {
                return Uni.createFrom().failure(cn.duijie.common.DomainException.notFound(
                        cn.duijie.common.Messages.get("product.not-found", product)));
            }
            return Uni.createFrom().item(discover(snapshot, product, region, textHits(snapshot, name), limit));
        });
    }

    List<MatchModel.Match> discover(MatchingSnapshot snapshot, String product, String region, List<TextHits.Hit> hits, int limit) {
        FirmsAndProducts s = snapshot.firms();
        SupplyEvidence ask = new SupplyEvidence(s, config, List.of(product), String.join(" ",
                s.productKeywords().getOrDefault(product, List.of())));
        Set<String> listed = new HashSet<>();
        listed.add(product);
        listed.addAll(s.narrower().getOrDefault(product, List.of()));
        Set<String> sources = new LinkedHashSet<>();
        sources.addAll(s.siblings().getOrDefault(product, List.of()));
        sources.addAll(s.broader().getOrDefault(product, List.of()));
        ask.similar().get(0).forEach(x -> sources.add(x.product()));
        Map<String, FirmsAndProducts.Firm> candidates = new LinkedHashMap<>();
        for (String p : sources) {
            for (FirmsAndProducts.Firm c : s.makersByProduct().getOrDefault(p, List.of())) {
                candidates.putIfAbsent(c.id(), c);
            }
        }
        for (TextHits.Hit h : hits) {
            FirmsAndProducts.Firm c = s.firm(h.id());
            if (c != null) {
                candidates.putIfAbsent(c.id(), c);
            }
        }
        List<MatchModel.Match> out = new ArrayList<>();
        for (FirmsAndProducts.Firm c : candidates.values()) {
            if (c.makes().stream().anyMatch(listed::contains)
                    || (region != null && !snapshot.regions().regionAndAbove(c.regionCode() == null ? "" : c.regionCode()).contains(region))) {
                continue;
            }
            SupplySignals.ProductFit fit = ask.fit(c);
            TrackRecords.Track track = snapshot.track().of("ENTERPRISE", c.id());
            SupplySignals signals = new SupplySignals(new SupplySignals.Party("", ""), new SupplySignals.Party(c.id(), c.name()),
                    c.regionCode(), "", List.of(), fit, ask.coMade(c), ask.text(c, false), null, 0, 0, List.of(), null, c.tier(),
                    c.employees(), track.deals(), track.mets(), false);
            if (scorer.capability(signals) < scorer.minCapability()) {
                continue;
            }
            List<String> siblingsMade = fit.how() == SupplySignals.How.SIBLING ? c.makes().stream()
                    .filter(p -> s.siblings().getOrDefault(product, List.of()).contains(p))
                    .map(p -> s.productNames().getOrDefault(p, p)).toList() : List.of();
            out.add(scorer.discovery(signals, siblingsMade));
        }
        out.sort(Comparator.comparingDouble(MatchModel.Match::score).reversed().thenComparing(m -> m.candidate().id()));
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /** The firms whose words best match a text, from the snapshot's word index (candidates beyond the product tree). */
    private List<TextHits.Hit> textHits(MatchingSnapshot snapshot, String text) {
        FirmsAndProducts f = snapshot.firms();
        java.util.function.Function<String, List<TextHits.Hit>> compute =
                t -> f.wordHits(Words.of(t), w.textLimit(), w.commonShare(), w.commonMinFirms());
        return textIndex == null ? compute.apply(text) : textIndex.firms(f, text, compute);
    }

    /** The buyer's segments: where it makes products, else the segments its wanted products feed. */
    private static Set<String> buyerSegments(FirmsAndProducts s, FirmsAndProducts.Firm buyer, List<String> wanted) {
        Set<String> own = buyer == null ? Set.of() : s.segmentsOf(buyer);
        if (!own.isEmpty()) {
            return own;
        }
        Set<String> fed = new HashSet<>();
        for (String want : wanted) {
            String segment = s.productSegment().get(want); // a product may sit in no segment
            if (segment != null) {
                fed.addAll(s.feeds().getOrDefault(segment, List.of()));
            }
        }
        return fed;
    }

    /** The signals of one (need, candidate) pair, from the snapshot. */
    private static SupplySignals signals(MatchingSnapshot snapshot, SupplyEvidence ask, FirmsAndProducts.Firm c,
                                         FirmsAndProducts.Firm buyer, String buyerId, Set<String> buyerSegments, Double km,
                                         MatchQuery need) {
        FirmsAndProducts s = snapshot.firms();
        SupplySignals.ProductFit fit = ask.fit(c);
        int peers = 0;
        int leaders = 0;
        List<SupplySignals.Party> sample = new ArrayList<>();
        for (String b : c.buyers()) {
            FirmsAndProducts.Firm peer = s.firm(b);
            if (peer == null || peer == buyer || peer.makes().stream().noneMatch(p -> buyerSegments.contains(s.productSegment().get(p)))) {
                continue;
            }
            peers++;
            leaders += peer.leader() ? 1 : 0;
            if (sample.size() < 2) {
                sample.add(new SupplySignals.Party(peer.id(), peer.name()));
            }
        }
        SupplySignals.Feeds feeds = null;
        for (String cp : c.makes()) {
            String cs = s.productSegment().get(cp);
            for (String bs : cs == null ? List.<String>of() : s.feeds().getOrDefault(cs, List.of())) {
                if (feeds == null && buyerSegments.contains(bs)) {
                    feeds = new SupplySignals.Feeds(cp, s.productNames().getOrDefault(cp, cp), cs, s.segmentNames().getOrDefault(cs, cs),
                            bs, s.segmentNames().getOrDefault(bs, bs));
                }
            }
        }
        TrackRecords.Track track = snapshot.track().of("ENTERPRISE", c.id());
        return new SupplySignals(new SupplySignals.Party(buyerId, buyer == null ? buyerId : buyer.name()),
                new SupplySignals.Party(c.id(), c.name()), c.regionCode(), need.title(), need.requiredCertifications(), fit,
                ask.coMade(c), ask.text(c, fit.listed()), km,
                peers, leaders, sample, feeds, c.tier(), c.employees(), track.deals(), track.mets(),
                buyer != null && c.buyers().contains(buyer.id()));
    }

    /** Great-circle distance exactly as Neo4j's point.distance computes it for WGS-84 (same radius, same steps). */
    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double la1 = Math.toRadians(lat1);
        double la2 = Math.toRadians(lat2);
        double dLat = la2 - la1;
        double dLon = Math.toRadians(lon2) - Math.toRadians(lon1);
        double a = Math.pow(Math.sin(dLat / 2.0), 2.0) + Math.cos(la1) * Math.cos(la2) * Math.pow(Math.sin(dLon / 2.0), 2.0);
        return 2.0 * Math.atan2(Math.sqrt(a), Math.sqrt(1.0 - a)) * 6378140.0 / 1000.0;
    }

    /** Neo4j's radius, a hair smaller so that R·|Δlat| stays a lower bound of the distance despite rounding. */
    private static final double EARTH_RADIUS_KM = 6378.14 * (1 - 1e-9);

    /**
     * Products that firms making the firm's own products also make (co-production), which it does not make itself:
     * needs wanting them are opportunities too, scored like any other (the co-production evidence decides).
     */
    private List<String> coMadeWith(FirmsAndProducts s, String firm) {
        FirmsAndProducts.Firm f = s.firm(firm);
        if (f == null) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String p : f.makes()) {
            SupplyEvidence.madeWith(s, w, p).forEach(x -> out.add(x.product()));
        }
        out.removeAll(f.makes());
        return List.copyOf(out);
    }

    /**
     * Open SUPPLY needs a firm could serve, best first, from the snapshot's open needs: those wanting a product it
     * makes, one narrower or broader (two levels) or a sibling of one, or one made together with its products
     * (co-production); each scored as the need's own list scores the firm, reasons only for the ones shown. Null when
     * the firm is not in the snapshot.
     */
    public Uni<List<MatchModel.Opportunity>> opportunities(String firm, Set<String> dismissedNeeds, int limit) {
        return snapshots.current().map(snapshot -> opportunities(snapshot, firm, dismissedNeeds, limit));
    }

    List<MatchModel.Opportunity> opportunities(MatchingSnapshot snapshot, String firm, Set<String> dismissedNeeds, int limit) {
        FirmsAndProducts s = snapshot.firms();
        FirmsAndProducts.Firm c = s.firm(firm);
        if (c == null) {
            return null;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String mine : c.makes()) {
            wanted.add(mine);
            wanted.addAll(s.narrower().getOrDefault(mine, List.of()));
            wanted.addAll(s.broader().getOrDefault(mine, List.of()));
            wanted.addAll(s.siblings().getOrDefault(mine, List.of()));
        }
        wanted.addAll(coMadeWith(s, firm));
        Map<String, MatchQuery> candidates = new java.util.TreeMap<>();
        for (String code : wanted) {
            for (MatchQuery n : snapshot.needs().supplyByProduct().getOrDefault(code, List.of())) {
                if (!firm.equals(n.postedBy()) && !dismissedNeeds.contains(n.needId())) {
                    candidates.put(n.needId(), n);
                }
            }
        }
        record Pre(SupplySignals signals, String needId, double score) {
        }
        Comparator<Pre> worstFirst = Comparator.comparingDouble(Pre::score).thenComparing(Pre::needId, Comparator.reverseOrder());
        TopK<Pre> top = new TopK<>(limit, worstFirst);
        for (MatchQuery need : candidates.values()) {
            FirmsAndProducts.Firm buyer = s.firm(need.postedBy());
            if (buyer == c || !c.certifications().containsAll(need.requiredCertifications())) {
                continue;
            }
            Double km = buyer == null || Double.isNaN(buyer.lat()) || Double.isNaN(c.lat()) ? null
                    : haversineKm(c.lat(), c.lon(), buyer.lat(), buyer.lon());
            if (need.maxDistanceKm() != null && (km == null || km > need.maxDistanceKm())) {
                continue;
            }
            SupplyEvidence ask = new SupplyEvidence(s, config, need.productCodes(), snapshot.needs().words(need));
            SupplySignals signals = signals(snapshot, ask, c, buyer, need.postedBy(), buyerSegments(s, buyer, need.productCodes()), km, need);
            top.offer(new Pre(signals, need.needId(), scorer.value(signals)));
        }
        List<MatchModel.Opportunity> out = new ArrayList<>();
        for (Pre p : top.kept()) {
            MatchQuery need = snapshot.needs().byId().get(p.needId());
            MatchModel.Match m = scorer.score(p.signals());
            out.add(new MatchModel.Opportunity(new MatchModel.NeedRef(need.needId(), "SUPPLY", need.title(), need.postedBy()),
                    m.score(), m.reasons(), m.flags()));
        }
        out.sort(Comparator.comparingDouble(MatchModel.Opportunity::score).reversed().thenComparing(o -> o.need().id()));
        return out;
    }
}
