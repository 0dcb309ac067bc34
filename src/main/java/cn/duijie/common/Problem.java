package cn.duijie.common;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details: the body of every error response, as application/problem+json. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "错误说明 (RFC 9457 problem details)")
public record Problem(
        @Schema(description = "问题类型 URI", examples = "/problems/validation") String type,
        @Schema(description = "简短标题", examples = "请求内容不合法 (Validation failed)") String title,
        int status,
        @Schema(description = "给人看的说明") String detail,
        @Schema(description = "逐字段的原因（校验失败时）") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that failed validation and why. */
    @Schema(name = "FieldError")
    public record FieldError(String field, String reason) {
    }
}
