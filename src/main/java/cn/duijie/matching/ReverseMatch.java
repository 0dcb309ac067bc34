package cn.duijie.matching;

/** One line of a reverse view: an open need and the viewing party's match for it (as the need's own list scores it). */
public record ReverseMatch(MatchQuery need, MatchModel.Match match) {

    MatchModel.Opportunity opportunity() {
        return new MatchModel.Opportunity(new MatchModel.NeedRef(need.needId(), need.kind(), need.title(), need.postedBy()),
                match.score(), match.reasons(), match.flags());
    }
}
