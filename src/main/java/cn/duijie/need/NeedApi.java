package cn.duijie.need;

import cn.duijie.domain.NeedStatus;
import cn.duijie.domain.NeedKind;
import cn.duijie.domain.Instrument;
import cn.duijie.domain.FundStage;
import cn.duijie.common.SortParam;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of the needs API. */
public final class NeedApi {

    private NeedApi() {
    }

    @Schema(name = "NewNeed", description = "发布需求 Post a need. SUPPLY 需产品、TECH 需技术或产品：不填代码时，系统从标题和描述中识别"
            + "（proposedCodes，带置信度，codesProposed = true），先按识别结果匹配，发布方用 PATCH 确认或更改；识别不出时为 422。"
            + "FINANCE 需金额。")
    public record NewNeed(
            @Schema(description = "可选：调用方自定的编号，用于重复提交时识别；不填则由系统生成")
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.:-]*", message = "{need.id.pattern}") String id,
            @NotNull NeedKind kind,
            @Schema(description = "可选：发布企业的统一社会信用代码；不填即登录账号代表的企业。局方代本地区企业录入时填写") String postedBy,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 5000) String description,
            @Size(max = 50) List<@NotBlank String> productCodes,
            @Size(max = 50) List<@NotBlank String> technologyCodes,
            @PositiveOrZero Long quantity,
            @Size(max = 20) List<@NotBlank String> requiredCertifications,
            @DecimalMin(value = "0.1") @DecimalMax("5000") @Schema(description = "配套半径（公里），超出即不推荐") Double maxDistanceKm,
            @DecimalMin("0") @DecimalMax("100000000") @Schema(description = "融资金额（万元）") BigDecimal amountWan,
            FundStage stage,
            Instrument instrument,
            @Schema(description = "到期时间，默认 90 天后") OffsetDateTime expiresAt,
            @Schema(enumeration = {"DRAFT", "OPEN"}, description = "默认 OPEN") NeedStatus status,
            @Schema(description = "仅 SUPPLY：SECOND_SOURCE 为二次寻源（优先与现有供应商无关联的企业）；不填时，"
                    + "若发布方该产品目前只有一家供应商，匹配时按二次寻源处理") cn.duijie.domain.NeedPurpose purpose) {
    }

    @Schema(name = "NeedPatch", description = "变更状态（FULFILLED、WITHDRAWN、OPEN 即发布或续期）或修改内容")
    public record NeedPatch(
            @Schema(enumeration = {"OPEN", "FULFILLED", "WITHDRAWN"}) NeedStatus status,
            @Schema(description = "新的到期时间（续期）") OffsetDateTime expiresAt,
            @Size(max = 200) String title,
            @Size(max = 5000) String description,
            @PositiveOrZero Long quantity,
            @DecimalMin(value = "0.1") @DecimalMax("5000") Double maxDistanceKm,
            @Size(max = 20) List<@NotBlank String> requiredCertifications,
            @DecimalMin("0") @DecimalMax("100000000") BigDecimal amountWan,
            @Schema(description = "可选：操作方，如 ENTERPRISE:<信用代码>；默认即登录账号。与登录账号可代表的主体不符时为 403") String actor,
            @Schema(description = "更改需求的产品代码（确认或替换系统识别的产品）；SUPPLY 不能为空")
            @Size(max = 50) List<@NotBlank String> productCodes,
            @Schema(description = "更改需求的技术代码（确认或替换系统识别的技术）")
            @Size(max = 50) List<@NotBlank String> technologyCodes,
            @Schema(description = "true：按系统识别的代码确认（codesProposed 变为 false）") Boolean confirmCodes) {
    }

    /** A product or technology Duijie read in a need's words, for the poster to confirm. */
    @Schema(name = "ProposedCode", description = "从需求标题和描述中识别出的产品或技术")
    public record ProposedCode(
            @Schema(enumeration = {"PRODUCT", "TECHNOLOGY"}) String type,
            String code,
            String name,
            @Schema(description = "置信度 0–1：全名出现约 0.95，独有的关键词（同义词）约 0.8，泛用词更低") double confidence,
            @Schema(description = "文中据以识别的词") List<String> matched) {
    }

    @Schema(name = "Need")
    public record NeedView(String id, NeedKind kind, NeedStatus status, String postedBy, String title, String description,
                           List<String> productCodes, List<String> technologyCodes, Long quantity,
                           List<String> requiredCertifications, Double maxDistanceKm, BigDecimal amountWan, FundStage stage,
                           Instrument instrument, OffsetDateTime expiresAt, OffsetDateTime createdAt,
                           OffsetDateTime updatedAt,
                           @Schema(description = "SUPPLY：发布时声明的目的；为空表示匹配时按现有供货判断") cn.duijie.domain.NeedPurpose purpose,
                           @Schema(description = "true：productCodes/technologyCodes 是系统从文字中识别的，待发布方确认；匹配已按其进行") boolean codesProposed,
                           @Schema(description = "发布时未填代码的需求：系统识别出的产品和技术，置信度从高到低") List<ProposedCode> proposedCodes) {

        static NeedView from(Need n) {
            return new NeedView(n.id, n.kind, n.status, n.postedBy, n.title, n.description, n.productCodeList(),
                    n.technologyCodeList(), n.quantity, n.certificationList(), n.maxDistanceKm, n.amountWan, n.stage,
                    n.instrument, n.expiresAt, n.createdAt, n.updatedAt, n.purpose, n.codesProposed, n.proposalList());
        }
    }

    @Schema(name = "Feedback", description = "对推荐结果的反馈")
    public record FeedbackRequest(
            @NotBlank @Size(max = 64) @Schema(description = "候选方编号（企业为信用代码）") String candidateId,
            @Schema(enumeration = {"ENTERPRISE", "INSTITUTION", "EXPERT", "ACHIEVEMENT", "FUND"}, description = "默认 ENTERPRISE") String candidateType,
            @NotNull @Schema(enumeration = {"SHORTLIST", "DISMISS", "CONTACT_REQUESTED", "MET", "DEAL"}) MatchFeedback.Action action,
            @Size(max = 2000) String note,
            @Schema(description = "可选：操作方；默认即登录账号。与登录账号可代表的主体不符时为 403") String actor) {
    }

    @Schema(name = "FeedbackRecord")
    public record FeedbackView(String needId, cn.duijie.domain.CandidateType candidateType, String candidateId,
                               MatchFeedback.Action action, String actor,
                               String note, OffsetDateTime createdAt) {
        static FeedbackView from(MatchFeedback f) {
            return new FeedbackView(f.needId, f.candidateType, f.candidateId, f.action, f.actor, f.note, f.createdAt);
        }
    }

    /** Orders of a need list (GET /needs?sort=): newest first (default), by title, kind, status, poster, or soonest to expire. */
    public enum Sort implements SortParam.Key {
        NEWEST, TITLE, KIND, STATUS, POSTER, EXPIRES;

        @Override
        public boolean descending() {
            return this == NEWEST;
        }

        /** {@code KEY} or {@code -KEY} (reversed); newest first for none. */
        public static SortParam.Order<Sort> order(String text) {
            return SortParam.order(Sort.class, text, NEWEST);
        }
    }
}
