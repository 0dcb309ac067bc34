package cn.duijie.matching;

import cn.duijie.domain.CandidateType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.duijie.common.Messages;

/**
 * The fund score (投融资对接): {@link FundSignals} → {@link Parts} → a score in [0, 1] with reasons. Pure; every weight
 * and constant comes from {@link MatchingConfig.Finance}. The region mandate is a hard filter before scoring; a fund
 * holding a direct competitor is flagged CONFLICT_OF_INTEREST, never dropped.
 */
public final class FundScorer {

    private final MatchingConfig.Finance w;
    private final double total;

    public FundScorer(MatchingConfig.Finance w) {
        this.w = w;
        this.total = w.focus() + w.stage() + w.instrument() + w.ticket() + w.adjacency() + w.trackRecord();
    }

    /** The parts of a fund's score, each in [0, 1]. */
    record Parts(double focus, double stage, double instrument, double ticket, boolean covers, double adjacency, double track) {
    }

    Parts parts(FundSignals s) {
        double focus = !s.segmentFocus().isEmpty() ? 1 : !s.chainFocus().isEmpty() ? w.chainFocus() : 0;
        double amount = s.amountWan() == null ? 0 : s.amountWan();
        double lo = s.min() == null ? 0 : s.min();
        double hi = s.max() == null ? Double.MAX_VALUE : s.max();
        boolean covers = amount >= lo && amount <= hi;
        return new Parts(focus,
                s.stage() == null ? w.unstated() : s.stages().contains(s.stage()) ? 1 : 0,
                s.instrument() == null ? w.unstated() : s.instruments().contains(s.instrument()) ? 1 : 0,
                // outside the range: how far, as a ratio
                amount <= 0 ? w.unstated() : covers ? 1 : w.ticketOutsideShare() * (amount < lo ? amount / lo : hi / amount),
                covers, s.adjacent() != null ? 1 : 0, Math.min(1, s.deals() / w.dealsForFull()));
    }

    /** The weighted sum of the parts, rounded as every score is. */
    double total(Parts p) {
        return SupplyScorer.round((w.focus() * p.focus() + w.stage() * p.stage() + w.instrument() * p.instrument()
                + w.ticket() * p.ticket() + w.adjacency() * p.adjacency() + w.trackRecord() * p.track()) / total);
    }

    public MatchModel.Match score(FundSignals s) {
        Parts p = parts(s);
        List<MatchModel.Reason> reasons = new ArrayList<>();
        String id = s.id();
        String name = s.name();
        if (p.focus() > 0) {
            reasons.add(reason("FOCUS", Messages.get("reason.fin.focus",
                    String.join("、", s.segmentFocus().isEmpty() ? s.chainFocus() : s.segmentFocus())), w.focus() * p.focus(), null));
        }
        if (p.stage() == 1) {
            reasons.add(reason("STAGE", Messages.get("reason.fin.stage", label(s.stage())), w.stage() * p.stage(), null));
        }
        if (p.instrument() == 1) {
            reasons.add(reason("INSTRUMENT", Messages.get("reason.fin.instrument", label(s.instrument())), w.instrument() * p.instrument(), null));
        }
        double amount = s.amountWan() == null ? 0 : s.amountWan();
        reasons.add(reason(p.covers() ? "TICKET_FITS" : "TICKET_OUTSIDE",
                Messages.get(p.covers() ? "reason.fin.ticket" : "reason.fin.ticket.outside", plain(s.min() == null ? 0 : s.min()),
                        plain(s.max() == null ? Double.MAX_VALUE : s.max()), plain(amount)), w.ticket() * p.ticket(), null));
        String firm = s.firm().id();
        String firmName = s.firm().name();
        if (s.adjacent() != null) {
            FundSignals.Adjacent a = s.adjacent();
            Paths path = Paths.start("FUND", id, name).to("INVESTED_IN", "ENTERPRISE", a.id(), a.name());
            path = a.upstream() ? path.to("SUPPLIES", "ENTERPRISE", firm, firmName) : path.from("SUPPLIES", "ENTERPRISE", firm, firmName);
            reasons.add(reason("PORTFOLIO_ADJACENT", Messages.get(a.upstream() ? "reason.fin.adjacent.up" : "reason.fin.adjacent.down",
                    a.name()), w.adjacency() * p.adjacency(), path.build()));
        }
        if (!s.mandate().isEmpty()) {
            reasons.add(new MatchModel.Reason("LOCAL_MANDATE", Messages.get("reason.fin.mandate"), 0, null));
        }
        if (s.deals() > 0) {
            reasons.add(reason("TRACK_RECORD", Messages.get("reason.track", (long) s.deals(), 0), w.trackRecord() * p.track(), null));
        }
        List<String> flags = new ArrayList<>();
        if (s.rival() != null) {
            flags.add("CONFLICT_OF_INTEREST");
            reasons.add(new MatchModel.Reason("CONFLICT_OF_INTEREST", Messages.get("reason.fin.conflict", s.rival().name()), 0,
                    Paths.start("FUND", id, name).to("INVESTED_IN", "ENTERPRISE", s.rival().id(), s.rival().name()).build()));
        }
        reasons.sort(Comparator.comparingDouble(MatchModel.Reason::weight).reversed());
        return new MatchModel.Match(new MatchModel.Candidate(CandidateType.FUND, id, name, s.regionCode(), null), total(p), reasons, flags);
    }

    private MatchModel.Reason reason(String code, String text, double weighted, MatchModel.ReasonPath path) {
        return new MatchModel.Reason(code, text, SupplyScorer.round(weighted / total), path);
    }

    /** A stage or instrument code as people read it (A → A 轮, EQUITY → 股权融资); the code when the bundle has none. */
    private static String label(String code) {
        return code != null && Messages.has("web.enum." + code) ? Messages.get("web.enum." + code) : code;
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
