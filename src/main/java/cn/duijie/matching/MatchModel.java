package cn.duijie.matching;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shapes of recommendations (CONTRACTS: a match, an opportunity). */
public final class MatchModel {

    private MatchModel() {
    }

    @Schema(name = "Candidate")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Candidate(@Schema(enumeration = {"ENTERPRISE", "INSTITUTION", "EXPERT", "ACHIEVEMENT", "FUND"}) String type,
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
}
