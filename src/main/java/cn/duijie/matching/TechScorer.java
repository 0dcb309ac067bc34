package cn.duijie.matching;

import cn.duijie.domain.CandidateType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.duijie.common.Messages;

/**
 * The 产学研 score: turns {@link TechSignals} into a score in [0, 1] with reasons. Pure; every weight and constant
 * comes from {@link MatchingConfig.Tech}.
 */
public final class TechScorer {

    /** TRL is defined on a scale of 1 to 9. */
    private static final double TRL_MAX = 9;

    private final MatchingConfig.Tech w;
    private final double total;

    public TechScorer(MatchingConfig.Tech w) {
        this.w = w;
        this.total = w.technology() + w.trl() + w.locality() + w.collaboration() + w.trackRecord();
    }

    double locality(Double km) {
        return km == null ? w.unknownLocality() : Math.exp(-km / w.localityScaleKm());
    }

    double textFit(double luceneScore, double bestLuceneScore) {
        return w.textOnlyFit() * luceneScore / bestLuceneScore;
    }

    double withText(double structuralFit, boolean textToo) {
        return Math.min(1, structuralFit + (textToo ? w.textBonus() : 0));
    }

    /** The most the text signal can add to a candidate's score with a structural fit (its bonus on the fit). */
    double maxTextGain() {
        return w.technology() * w.textBonus() / total;
    }

    /** The score of {@link #score} without its reasons: what the pool is cut by. */
    double value(TechSignals s) {
        boolean rated = s.type() == CandidateType.ACHIEVEMENT && s.trl() != null;
        double trl = rated ? s.trl() / TRL_MAX : w.unknownTrl();
        double collab = s.collaboratedWithBuyer() ? 1
                : Math.min(1, s.collaborations() / w.collaborationsForFull()) * w.otherCollaborationShare();
        double track = Math.min(1, s.deals() / w.dealsForFull());
        return (w.technology() * s.fit() + w.trl() * trl + w.locality() * locality(s.km()) + w.collaboration() * collab
                + w.trackRecord() * track) / total;
    }

    public MatchModel.Match score(TechSignals s) {
        List<MatchModel.Reason> reasons = new ArrayList<>();
        String buyer = s.buyer().id();
        String buyerName = s.buyer().name();
        switch (s.how()) {
            case TECH -> reasons.add(reason("TECHNOLOGY_FIT", Messages.get("reason.tech.fit", s.viaName(), s.wantName()),
                    w.technology() * s.fit(), Paths.start("ENTERPRISE", buyer, buyerName).to("WANTS", "TECHNOLOGY", s.wantCode(),
                            s.wantName()).from(s.type() == CandidateType.ACHIEVEMENT ? "ABOUT" : "EXPERT_IN", s.type().name(), s.id(), s.name()).build()));
            case PRODUCT -> reasons.add(reason("APPLIES_TO_PRODUCT", Messages.get("reason.tech.product", s.viaName()),
                    w.technology() * s.fit(), Paths.start("ENTERPRISE", buyer, buyerName).to("WANTS", "PRODUCT", s.viaCode(),
                            s.viaName()).from("APPLIES_TO", s.type().name(), s.id(), s.name()).build()));
            default -> reasons.add(reason("TEXT_MATCH", Messages.get("reason.product.text", s.needTitle()), w.technology() * s.fit(), null));
        }
        boolean rated = s.type() == CandidateType.ACHIEVEMENT && s.trl() != null;
        double trl = rated ? s.trl() / TRL_MAX : w.unknownTrl();
        if (rated) {
            reasons.add(reason("TRL", Messages.get("reason.tech.trl", s.trl()), w.trl() * trl, null));
        }
        double locality = locality(s.km());
        if (s.km() != null) {
            reasons.add(reason("LOCALITY", Messages.get("reason.tech.locality", s.institutionName() == null ? "" : s.institutionName(),
                    Math.round(s.km())), w.locality() * locality, null));
        }
        double collab = s.collaboratedWithBuyer() ? 1
                : Math.min(1, s.collaborations() / w.collaborationsForFull()) * w.otherCollaborationShare();
        if (s.collaboratedWithBuyer()) {
            reasons.add(reason("PAST_COLLABORATION", Messages.get("reason.tech.collab.buyer", s.institutionName()),
                    w.collaboration() * collab, Paths.start("INSTITUTION", s.institutionId(), s.institutionName())
                            .to("COLLABORATED_WITH", "ENTERPRISE", buyer, buyerName).build()));
        } else if (s.collaborations() > 0) {
            reasons.add(reason("INDUSTRY_EXPERIENCE", Messages.get("reason.tech.collab", s.institutionName(), (long) s.collaborations()),
                    w.collaboration() * collab, null));
        }
        double track = Math.min(1, s.deals() / w.dealsForFull());
        if (s.deals() > 0) {
            reasons.add(reason("TRACK_RECORD", Messages.get("reason.track", (long) s.deals(), 0), w.trackRecord() * track, null));
        }
        double score = value(s);
        reasons.sort(Comparator.comparingDouble(MatchModel.Reason::weight).reversed());
        List<String> flags = s.collaboratedWithBuyer() ? List.of("PAST_PARTNER") : List.of();
        return new MatchModel.Match(new MatchModel.Candidate(s.type(), s.id(), s.name(), s.regionCode(), null),
                SupplyScorer.round(score), reasons, flags);
    }

    private MatchModel.Reason reason(String code, String text, double weighted, MatchModel.ReasonPath path) {
        return new MatchModel.Reason(code, text, SupplyScorer.round(weighted / total), path);
    }
}
