package cn.duijie.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.duijie.common.Messages;

/**
 * The supply score (产需对接): the one function that turns a pair's {@link SupplySignals} into a score in [0, 1] with
 * its reasons, largest contribution first. Pure: no graph, no Quarkus; every weight and constant comes from
 * {@link MatchingConfig.Supply}. {@link #prescore} is the cheap part used to cut the candidate pool before the rest.
 */
public final class SupplyScorer {

    private final MatchingConfig.Supply w;
    private final double total;

    public SupplyScorer(MatchingConfig.Supply w) {
        this.w = w;
        this.total = w.product() + w.distance() + w.feeds() + w.peers() + w.tier() + w.scale() + w.trackRecord();
    }

    /** The tier ladder's part in matching (专精特新 梯度), from {@link cn.duijie.domain.Tier}: CHAMPION 1 … POOL .25, NONE 0. */
    static double tierScore(String tier) {
        return cn.duijie.domain.Tier.of(tier).score();
    }

    /** Nearness in [0, 1]: exp(-km / scale), or the configured value when the distance is unknown. */
    double distance(Double km) {
        return km == null ? w.unknownDistance() : Math.exp(-km / w.distanceScaleKm());
    }

    /** Product fit, distance and tier only: the pre-score that picks the pool (not normalised). */
    double prescore(double fit, Double km, String tier) {
        return fit * w.product() + distance(km) * w.distance() + tierScore(tier) * w.tier();
    }

    /** An upper bound of {@link #prescore} for a firm at least {@code minKm} away (or at any distance, with 0). */
    double prescoreBound(double fit, double minKm, String tier) {
        return fit * w.product() + Math.exp(-minKm / w.distanceScaleKm()) * w.distance() + tierScore(tier) * w.tier();
    }

    /** The product fit of a full-text hit, scaled to the best hit of the need. */
    double textFit(double luceneScore, double bestLuceneScore) {
        return w.textOnlyFit() * luceneScore / bestLuceneScore;
    }

    /** A structural fit that is also a full-text hit. */
    double withText(double structuralFit) {
        return Math.min(1, structuralFit + w.textBonus());
    }

    public MatchModel.Match score(SupplySignals s) {
        List<MatchModel.Reason> reasons = new ArrayList<>();
        String buyerId = s.buyer().id();
        String buyerName = s.buyer().name();
        String id = s.candidate().id();
        String name = s.candidate().name();
        SupplySignals.ProductFit fit = s.fit();

        double product = fit.fit();
        String productText;
        MatchModel.ReasonPath productPath = null;
        switch (fit.how()) {
            case EXACT -> {
                productText = Messages.get("reason.product.exact", fit.wantName());
                productPath = Paths.start("ENTERPRISE", buyerId, buyerName).to("WANTS", "PRODUCT", fit.wantCode(), fit.wantName())
                        .from("MAKES", "ENTERPRISE", id, name).build();
            }
            case NARROWER -> {
                productText = Messages.get("reason.product.narrower", fit.wantName(), fit.viaName());
                productPath = Paths.start("ENTERPRISE", buyerId, buyerName).to("WANTS", "PRODUCT", fit.wantCode(), fit.wantName())
                        .from("BROADER", "PRODUCT", fit.viaCode(), fit.viaName()).from("MAKES", "ENTERPRISE", id, name).build();
            }
            case BROADER -> {
                productText = Messages.get("reason.product.broader", fit.wantName(), fit.viaName());
                productPath = Paths.start("ENTERPRISE", buyerId, buyerName).to("WANTS", "PRODUCT", fit.wantCode(), fit.wantName())
                        .to("BROADER", "PRODUCT", fit.viaCode(), fit.viaName()).from("MAKES", "ENTERPRISE", id, name).build();
            }
            case SIBLING -> productText = Messages.get("reason.product.sibling", fit.wantName(), fit.viaName());
            default -> productText = Messages.get("reason.product.text", s.needTitle());
        }
        add(reasons, fit.how() == SupplySignals.How.TEXT ? "TEXT_MATCH" : "PRODUCT_" + fit.how(), productText,
                w.product() * product, productPath);

        double distance = distance(s.km());
        add(reasons, "DISTANCE", s.km() == null ? Messages.get("reason.distance.unknown")
                : Messages.get("reason.distance", Math.round(s.km())), w.distance() * distance, null);

        SupplySignals.Feeds feeds = s.feeds();
        double feedsScore = feeds == null ? 0 : 1;
        if (feeds != null) {
            add(reasons, "FEEDS_SEGMENT", Messages.get("reason.feeds", feeds.from(), feeds.to()), w.feeds() * feedsScore,
                    Paths.start("ENTERPRISE", id, name).to("MAKES", "PRODUCT", feeds.productCode(), feeds.product())
                            .to("IN_SEGMENT", "SEGMENT", feeds.fromId(), feeds.from())
                            .to("FEEDS", "SEGMENT", feeds.toId(), feeds.to()).build());
        }

        double peerScore = Math.min(1, s.peers() / w.peersForFull());
        if (s.peers() > 0) {
            SupplySignals.Party sample = s.peerSample().get(0);
            add(reasons, "SUPPLIES_PEERS", Messages.get("reason.peers", (long) s.peers(),
                            s.leaderPeers() > 0 ? Messages.get("reason.peers.leaders", (long) s.leaderPeers()) : "", sample.name()),
                    w.peers() * peerScore, Paths.start("ENTERPRISE", id, name).to("SUPPLIES", "ENTERPRISE", sample.id(), sample.name()).build());
        }

        String tier = s.tier() == null ? "NONE" : s.tier();
        double tierScore = tierScore(tier);
        if (tierScore > 0) {
            add(reasons, "TIER", Messages.get("reason.tier." + tier), w.tier() * tierScore, null);
        }

        long employees = s.employees() == null ? 0 : s.employees();
        double scale = Math.min(1, Math.log10(employees + 1.0) / w.scaleLog10ForFull());
        if (employees > 0) {
            add(reasons, "SCALE", Messages.get("reason.scale", employees), w.scale() * scale, null);
        }

        double track = Math.min(1, (s.deals() + s.mets() * w.metWeight()) / w.dealsForFull());
        if (s.deals() + s.mets() > 0) {
            add(reasons, "TRACK_RECORD", Messages.get("reason.track", (long) s.deals(), (long) s.mets()), w.trackRecord() * track, null);
        }
        if (!s.requiredCertifications().isEmpty()) {
            add(reasons, "CERTIFIED", Messages.get("reason.certified", String.join("、", s.requiredCertifications())), 0, null);
        }

        double score = (w.product() * product + w.distance() * distance + w.feeds() * feedsScore + w.peers() * peerScore
                + w.tier() * tierScore + w.scale() * scale + w.trackRecord() * track) / total;
        reasons.sort(Comparator.comparingDouble(MatchModel.Reason::weight).reversed());
        List<String> flags = s.existingSupplier() ? List.of("EXISTING_SUPPLIER") : List.of();
        return new MatchModel.Match(new MatchModel.Candidate("ENTERPRISE", id, name, s.candidateRegion(), s.tier()),
                round(score), reasons, flags);
    }

    private void add(List<MatchModel.Reason> reasons, String code, String text, double weighted, MatchModel.ReasonPath path) {
        reasons.add(new MatchModel.Reason(code, text, round(weighted / total), path));
    }

    /** Every score and weight is shown to four decimals. */
    static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
