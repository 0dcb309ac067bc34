package cn.duijie.contact;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.duijie.common.Actor;

/** Request and response shapes of contact details and contact requests. */
public final class ContactApi {

    private ContactApi() {
    }

    public enum PartyType { ENTERPRISE, INSTITUTION, INVESTOR, FUND }

    @Schema(name = "ContactParty", description = "对接的一方：企业（信用代码）、机构、投资方或基金（归其投资方）")
    public record Party(@NotNull PartyType type, @NotBlank @Size(max = 64) String id) {
        static Party of(String label) {
            Actor a = Actor.parse(label);
            return new Party(PartyType.valueOf(a.type().name()), a.id());
        }
    }

    @Schema(name = "ContactDetails", description = "联系方式：联系人、手机、邮箱、可选座机。只在对方同意对接后向对方显示。")
    public record ContactDetails(
            @NotBlank @Size(max = 100) @Schema(description = "联系人") String name,
            @NotBlank @Pattern(regexp = "1[3-9][0-9]{9}", message = "手机号应为 11 位中国大陆手机号") String mobile,
            @NotBlank @Email(message = "邮箱格式不对") @Size(max = 200) String email,
            @Pattern(regexp = "[0-9+()\\- ]{5,30}", message = "座机号只能包含数字、+、-、括号和空格") @Schema(description = "座机（可选）") String phone) {
    }

    @Schema(name = "Contact", description = "某一方的联系方式")
    public record ContactView(Party party, String name, String mobile, String email, String phone) {
        static ContactView of(PartyContact c) {
            return new ContactView(Party.of(c.party), c.name, c.mobile, c.email, c.phone);
        }
    }

    @Schema(name = "NewContactRequest", description = "请求与对方互换联系方式（对接），可关联一条需求")
    public record NewContactRequest(@NotNull @Valid Party toParty, @Size(max = 64) String needId,
                                    @Size(max = 2000) String note) {
    }

    @Schema(name = "ContactRequest", description = "对接请求；status 为 ACCEPTED 时 contact 为对方的联系方式")
    public record ContactRequestView(UUID id, Party from, Party to, String needId, String note,
                                     ContactRequest.Status status, OffsetDateTime createdAt, OffsetDateTime decidedAt,
                                     @Schema(description = "对方的联系方式：仅在对方同意后，且对方已填写时出现") ContactView contact) {
    }

    @Schema(name = "SharedContact", description = "经同意可见的一方联系方式")
    public record SharedContact(UUID requestId, String needId, OffsetDateTime since, ContactView contact) {
    }
}
