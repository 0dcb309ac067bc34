package cn.duijie.matching;

import cn.duijie.domain.CandidateType;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of recommendations (CONTRACTS: a match, an opportunity). */
public final class MatchModel {

    private MatchModel() {
    }

    @Schema(name = "Candidate")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(CandidateType type,
                            @Schema(description = "业务键：企业为统一社会信用代码") String id,
                            String name, String regionCode, String tier) {
    }

    @Schema(name = "PathNode")
    public record PathNode(String type, String id, String name) {
    }

    /** A graph path that is itself the reason: nodes, the relationships between them, and a readable line. */
    @Schema(name = "ReasonPath")
    public record ReasonPath(List<PathNode> nodes, List<String> relationships, String text) {
    }

    @Schema(name = "Reason")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reason(String code, String text, @Schema(description = "该理由对总分的贡献") double weight, ReasonPath path) {
    }

    @Schema(name = "Match")
    public record Match(Candidate candidate, @Schema(minimum = "0", maximum = "1") double score, List<Reason> reasons,
                        @Schema(description = "不排除但需留意的提示，如 EXISTING_SUPPLIER、CONFLICT_OF_INTEREST") List<String> flags) {
    }

    @Schema(name = "NeedRef")
    public record NeedRef(String id, String kind, String title, String postedBy) {
    }

    @Schema(name = "Opportunity")
    public record Opportunity(NeedRef need, double score, List<Reason> reasons, List<String> flags) {
    }

    /**
     * A 揭榜挂帅 consortium for a TECH need: the research side (the matched achievement, institution or expert), the
     * achievement whose application links it to industry, a local firm able to industrialise it, and optionally a
     * fund focused on the chain.
     */
    @Schema(name = "ConsortiumProposal")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsortiumProposal(@Schema(minimum = "0", maximum = "1") double score,
                                     @Schema(description = "揭榜方：与需求匹配的成果、机构或专家") Candidate research,
                                     @Schema(description = "牵头科研机构") Candidate institution,
                                     @Schema(description = "用于产业化的成果") Candidate achievement,
                                     @Schema(description = "承接产业化的本地企业") Candidate industrialiser,
                                     @Schema(description = "可选：聚焦该产业链的基金") Candidate fund,
                                     List<Reason> reasons, List<String> flags) {
    }
}
