package cn.duijie.matching;

import cn.duijie.domain.CandidateType;
import cn.duijie.domain.Tier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.duijie.common.Messages;

/**
 * The supply score (产需对接): the one function that turns a pair's {@link SupplySignals} into a score in [0, 1] with
 * its reasons, largest contribution first. Pure: no graph, no Quarkus; every weight and constant comes from
 * {@link MatchingConfig.Supply}.
 *
 * <p>Capability first. The score is {@code C × ((1 − s) + s × O)}:
 * <ul>
 * <li>{@code C}, capability in [0, 1], combines the evidence that the firm can make what is wanted as independent
 * chances, {@code 1 − Π(1 − eᵢ)}: the product tree (exact 1, narrower .85, broader .6, sibling .4), co-production
 * ({@code coProduction × cosine}), words ({@code namedProduct} when the firm's words name a wanted product, else
 * {@code text × IDF coverage}), and supplying before ({@code existingSupplierEvidence} for the buyer itself,
 * {@code peerEvidence × min(1, peers / 3)} for firms of the buyer's segments);</li>
 * <li>{@code O}, order in [0, 1], the weighted mean of nearness, FEEDS, peers supplied, tier, size and track
 * record;</li>
 * <li>{@code s} = {@code orderShare} (.5): the most the other signals can move a score.</li>
 * </ul>
 * So a firm with no capability evidence scores 0 however near, and a firm whose evidence is weaker can pass a
 * stronger one only by ordering signals worth more than the gap: a sibling maker (C ≥ .4, score ≥ .2) is never
 * passed by a firm whose only tie is a common word (C = .5 × its small IDF share). Each reason's weight is its
 * part of the score: the capability part {@code C × (1 − s)} split in proportion to the evidence, and
 * {@code C × s × wⱼ oⱼ / Σw} for each ordering signal; the weights add up to the score.
 * {@link #prescore} is the cheap part used to cut the candidate pool before the rest.
 */
public final class SupplyScorer {

    private final MatchingConfig.Supply w;
    private final double orderTotal;

    public SupplyScorer(MatchingConfig.Supply w) {
        this.w = w;
        this.orderTotal = w.distance() + w.feeds() + w.peers() + w.tier() + w.scale() + w.trackRecord();
    }

    /** The tier ladder's part in matching (专精特新 梯度), from {@link cn.duijie.domain.Tier}: CHAMPION 1 … POOL .25, NONE 0. */
    static double tierScore(Tier tier) {
        return tier == null ? 0 : tier.score();
    }

    /** Nearness in [0, 1]: exp(-km / scale), or the configured value when the distance is unknown. */
    double distance(Double km) {
        return km == null ? w.unknownDistance() : Math.exp(-km / w.distanceScaleKm());
    }

    /** Capability from the evidence known before the full signals, and distance and tier: what picks the pool. */
    double prescore(double capability, Double km, Tier tier) {
        return capability * (1 - w.orderShare() + w.orderShare() * (distance(km) * w.distance() + tierScore(tier) * w.tier()) / orderTotal);
    }

    /** An upper bound of {@link #prescore} for a firm at least {@code minKm} away (or at any distance, with 0). */
    double prescoreBound(double capability, double minKm, Tier tier) {
        double near = Math.exp(-minKm / w.distanceScaleKm());
        return capability * (1 - w.orderShare() + w.orderShare() * (near * w.distance() + tierScore(tier) * w.tier()) / orderTotal);
    }

    /** The co-production evidence of a product made together with the wanted one. */
    double coEvidence(double cosine) {
        return w.coProduction() * cosine;
    }

    /** The word evidence: a named product, else the IDF share of the need's words. */
    double textEvidence(SupplySignals.Text t) {
        return t == null ? 0 : t.namesProduct() ? w.namedProduct() : w.text() * t.coverage();
    }

    /** Independent chances: 1 − Π(1 − e). */
    static double combine(double... evidence) {
        double none = 1;
        for (double e : evidence) {
            none *= 1 - Math.max(0, Math.min(1, e));
        }
        return 1 - none;
    }

    /** Capability evidence below this is no evidence: the candidate is not shown. */
    double minCapability() {
        return w.minCapability();
    }

    /** The capability of a pair, C. */
    double capability(SupplySignals s) {
        return combine(s.fit().fit(), s.coMade() == null ? 0 : coEvidence(s.coMade().cosine()), textEvidence(s.text()),
                suppliedEvidence(s));
    }

    private double suppliedEvidence(SupplySignals s) {
        return s.existingSupplier() ? w.existingSupplierEvidence() : w.peerEvidence() * peerScore(s.peers());
    }

    private double peerScore(int peers) {
        return Math.min(1, peers / w.peersForFull());
    }

    /**
     * The score of a pair, {@code C × ((1 − s) + s × O)}, rounded as shown: what {@link #score} returns without building
     * the reasons (the matcher ranks its pool by this and builds reasons for the rows it returns).
     */
    double value(SupplySignals s) {
        double order = (w.distance() * distance(s.km()) + w.feeds() * (s.feeds() == null ? 0 : 1) + w.peers() * peerScore(s.peers())
                + w.tier() * tierScore(s.tier()) + w.scale() * scale(s) + w.trackRecord() * track(s)) / orderTotal;
        return round(capability(s) * (1 - w.orderShare() + w.orderShare() * order));
    }

    /** Size in [0, 1]: log10 of the head count over the configured log10 for full. */
    private double scale(SupplySignals s) {
        long employees = s.employees() == null ? 0 : s.employees();
        return Math.min(1, Math.log10(employees + 1.0) / w.scaleLog10ForFull());
    }

    /** Track record in [0, 1]: deals and (weighted) meetings held over the configured deals for full. */
    private double track(SupplySignals s) {
        return Math.min(1, (s.deals() + s.mets() * w.metWeight()) / w.dealsForFull());
    }

    /** The standing reasons shared by supply and discovery scores: tier, size and track record, each with its part. */
    private void standing(SupplySignals s, double orderPart, List<MatchModel.Reason> reasons) {
        Tier tier = s.tier() == null ? Tier.NONE : s.tier();
        if (tier.score() > 0) {
            reasons.add(new MatchModel.Reason("TIER", Messages.get("reason.tier." + tier.name()), round(orderPart * w.tier() * tier.score()), null));
        }
        long employees = s.employees() == null ? 0 : s.employees();
        if (employees > 0) {
            reasons.add(new MatchModel.Reason("SCALE", Messages.get("reason.scale", employees), round(orderPart * w.scale() * scale(s)), null));
        }
        if (s.deals() + s.mets() > 0) {
            reasons.add(new MatchModel.Reason("TRACK_RECORD", Messages.get("reason.track", (long) s.deals(), (long) s.mets()),
                    round(orderPart * w.trackRecord() * track(s)), null));
        }
    }

    public MatchModel.Match score(SupplySignals s) {
        String buyerId = s.buyer().id();
        String buyerName = s.buyer().name();
        String id = s.candidate().id();
        String name = s.candidate().name();

        // capability: each piece of evidence with its share
        record Evidence(String code, String text, double e, MatchModel.ReasonPath path) {
        }
        List<Evidence> evidence = new ArrayList<>();
        SupplySignals.ProductFit fit = s.fit();
        switch (fit.how()) {
            case EXACT -> evidence.add(new Evidence("PRODUCT_EXACT", Messages.get("reason.product.exact", fit.wantName()), fit.fit(),
                    Paths.start("ENTERPRISE", buyerId, buyerName).to("WANTS", "PRODUCT", fit.wantCode(), fit.wantName())
                            .from("MAKES", "ENTERPRISE", id, name).build()));
            case NARROWER -> evidence.add(new Evidence("PRODUCT_NARROWER", Messages.get("reason.product.narrower", fit.wantName(), fit.viaName()),
                    fit.fit(), Paths.start("ENTERPRISE", buyerId, buyerName).to("WANTS", "PRODUCT", fit.wantCode(), fit.wantName())
                    .from("BROADER", "PRODUCT", fit.viaCode(), fit.viaName()).from("MAKES", "ENTERPRISE", id, name).build()));
            case BROADER -> evidence.add(new Evidence("PRODUCT_BROADER", Messages.get("reason.product.broader", fit.wantName(), fit.viaName()),
                    fit.fit(), Paths.start("ENTERPRISE", buyerId, buyerName).to("WANTS", "PRODUCT", fit.wantCode(), fit.wantName())
                    .to("BROADER", "PRODUCT", fit.viaCode(), fit.viaName()).from("MAKES", "ENTERPRISE", id, name).build()));
            case SIBLING -> evidence.add(new Evidence("PRODUCT_SIBLING", Messages.get("reason.product.sibling", fit.wantName(), fit.viaName()),
                    fit.fit(), Paths.start("ENTERPRISE", id, name).to("MAKES", "PRODUCT", fit.viaCode(), fit.viaName()).build()));
            case NONE -> {
            }
        }
        SupplySignals.CoMade co = s.coMade();
        if (co != null) {
            evidence.add(new Evidence("CO_PRODUCTION", Messages.get("reason.coproduction", co.viaName(), (long) co.both(), co.wantName()),
                    coEvidence(co.cosine()), Paths.start("ENTERPRISE", id, name).to("MAKES", "PRODUCT", co.viaCode(), co.viaName()).build()));
        }
        SupplySignals.Text text = s.text();
        if (text != null && textEvidence(text) > 0) {
            evidence.add(new Evidence(text.namesProduct() ? "NAMES_PRODUCT" : "TEXT_MATCH", text.namesProduct()
                    ? Messages.get("reason.text.names", text.product())
                    : Messages.get("reason.text", String.join("、", text.shared().subList(0, Math.min(4, text.shared().size())))),
                    textEvidence(text), null));
        }
        if (s.existingSupplier()) {
            evidence.add(new Evidence("EXISTING_SUPPLIER", Messages.get("reason.existing", buyerName), w.existingSupplierEvidence(),
                    Paths.start("ENTERPRISE", id, name).to("SUPPLIES", "ENTERPRISE", buyerId, buyerName).build()));
        }
        double capability = capability(s);
        double evidenceSum = evidence.stream().mapToDouble(Evidence::e).sum()
                + (s.existingSupplier() ? 0 : w.peerEvidence() * peerScore(s.peers()));
        double capabilityPart = capability * (1 - w.orderShare());
        double orderPart = capability * w.orderShare() / orderTotal;
        List<MatchModel.Reason> reasons = new ArrayList<>();
        for (Evidence e : evidence) {
            reasons.add(new MatchModel.Reason(e.code(), e.text(), round(capabilityPart * e.e() / evidenceSum), e.path()));
        }

        // order: nearness, FEEDS, peers, tier, size, track record
        double distance = distance(s.km());
        reasons.add(new MatchModel.Reason("DISTANCE", s.km() == null ? Messages.get("reason.distance.unknown")
                : Messages.get("reason.distance", Math.round(s.km())), round(orderPart * w.distance() * distance), null));
        SupplySignals.Feeds feeds = s.feeds();
        if (feeds != null) {
            reasons.add(new MatchModel.Reason("FEEDS_SEGMENT", Messages.get("reason.feeds", feeds.from(), feeds.to()),
                    round(orderPart * w.feeds()), Paths.start("ENTERPRISE", id, name).to("MAKES", "PRODUCT", feeds.productCode(), feeds.product())
                    .to("IN_SEGMENT", "SEGMENT", feeds.fromId(), feeds.from())
                    .to("FEEDS", "SEGMENT", feeds.toId(), feeds.to()).build()));
        }
        double peerScore = peerScore(s.peers());
        if (s.peers() > 0) {
            SupplySignals.Party sample = s.peerSample().get(0);
            double peerWeight = orderPart * w.peers() * peerScore
                    + (s.existingSupplier() ? 0 : capabilityPart * w.peerEvidence() * peerScore / evidenceSum);
            reasons.add(new MatchModel.Reason("SUPPLIES_PEERS", Messages.get("reason.peers", (long) s.peers(),
                    s.leaderPeers() > 0 ? Messages.get("reason.peers.leaders", (long) s.leaderPeers()) : "", sample.name()),
                    round(peerWeight), Paths.start("ENTERPRISE", id, name).to("SUPPLIES", "ENTERPRISE", sample.id(), sample.name()).build()));
        }
        standing(s, orderPart, reasons);
        if (!s.requiredCertifications().isEmpty()) {
            reasons.add(new MatchModel.Reason("CERTIFIED", Messages.get("reason.certified", String.join("、", s.requiredCertifications())), 0, null));
        }
        reasons.sort(Comparator.comparingDouble(MatchModel.Reason::weight).reversed());
        List<String> flags = new ArrayList<>();
        if (s.existingSupplier()) {
            flags.add("EXISTING_SUPPLIER");
        }
        if (!fit.listed()) {
            flags.add("DISCOVERED");
        }
        return new MatchModel.Match(new MatchModel.Candidate(CandidateType.ENTERPRISE, id, name, s.candidateRegion(), s.tier() == null ? null : s.tier().name()),
                value(s), reasons, List.copyOf(flags));
    }

    /**
     * Discovery (补链, second sourcing): how likely a firm that does not list a product makes it, ordered among
     * equally likely ones by tier, size and track record only (there is no buyer to be near). Same capability as
     * {@link #score}; flagged DISCOVERED.
     */
    public MatchModel.Match discovery(SupplySignals s, List<String> siblingsMade) {
        double capability = capability(s);
        List<MatchModel.Reason> reasons = new ArrayList<>();
        double sum = s.fit().fit() + (s.coMade() == null ? 0 : coEvidence(s.coMade().cosine())) + textEvidence(s.text());
        double capabilityPart = capability * (1 - w.orderShare());
        String id = s.candidate().id();
        String name = s.candidate().name();
        if (s.fit().how() != SupplySignals.How.NONE) {
            String made = siblingsMade.isEmpty() ? s.fit().viaName() : String.join("、", siblingsMade);
            reasons.add(new MatchModel.Reason("PRODUCT_" + s.fit().how(), Messages.get("reason.discovery." + s.fit().how(), made,
                    s.fit().wantName()), round(capabilityPart * s.fit().fit() / sum),
                    Paths.start("ENTERPRISE", id, name).to("MAKES", "PRODUCT", s.fit().viaCode(), s.fit().viaName()).build()));
        }
        SupplySignals.CoMade co = s.coMade();
        if (co != null) {
            reasons.add(new MatchModel.Reason("CO_PRODUCTION", Messages.get("reason.coproduction", co.viaName(), (long) co.both(), co.wantName()),
                    round(capabilityPart * coEvidence(co.cosine()) / sum),
                    Paths.start("ENTERPRISE", id, name).to("MAKES", "PRODUCT", co.viaCode(), co.viaName()).build()));
        }
        SupplySignals.Text text = s.text();
        if (text != null && textEvidence(text) > 0) {
            reasons.add(new MatchModel.Reason(text.namesProduct() ? "NAMES_PRODUCT" : "TEXT_MATCH", text.namesProduct()
                    ? Messages.get("reason.text.names", text.product())
                    : Messages.get("reason.text", String.join("、", text.shared().subList(0, Math.min(4, text.shared().size())))),
                    round(capabilityPart * textEvidence(text) / sum), null));
        }
        double orderTotalHere = w.tier() + w.scale() + w.trackRecord();
        double orderPart = capability * w.orderShare() / orderTotalHere;
        standing(s, orderPart, reasons);
        double order = (w.tier() * tierScore(s.tier()) + w.scale() * scale(s) + w.trackRecord() * track(s)) / orderTotalHere;
        reasons.sort(Comparator.comparingDouble(MatchModel.Reason::weight).reversed());
        return new MatchModel.Match(new MatchModel.Candidate(CandidateType.ENTERPRISE, id, name, s.candidateRegion(), s.tier() == null ? null : s.tier().name()),
                round(capability * (1 - w.orderShare() + w.orderShare() * order)), reasons, List.of("DISCOVERED"));
    }

    /** Every score and weight is shown to four decimals. */
    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
