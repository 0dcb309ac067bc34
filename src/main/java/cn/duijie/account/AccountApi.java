package cn.duijie.account;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.duijie.common.Actor;

/** Request and response shapes of login and accounts. */
public final class AccountApi {

    private AccountApi() {
    }

    @Schema(name = "TokenRequest", description = "用户名与密码换取访问令牌 Username and password for a bearer token")
    public record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    @Schema(name = "Activation", description = "用导入时发给企业的一次性激活码启用账号并设密码 Activate an account with its one-time code")
    public record ActivationRequest(@NotBlank @Size(max = 64) String username,
                                    @NotBlank @Size(max = 64) @Schema(description = "局方导入时生成的一次性激活码") String activationCode,
                                    @NotBlank @Size(max = 200) @Schema(description = "新密码") String password) {
    }

    @Schema(name = "Token", description = "访问令牌：放在 Authorization: Bearer 头中")
    public record TokenView(String accessToken, String tokenType, long expiresIn) {
    }

    @Schema(name = "PartyRef", description = "账号代表的主体 The party an account acts for")
    public record PartyRef(@Schema(enumeration = {"ENTERPRISE", "INSTITUTION", "INVESTOR", "FUND", "BUREAU", "SYSTEM"}) String type,
                           String id) {
        static PartyRef of(Actor a) {
            return a == null ? null : new PartyRef(a.type().name(), a.id());
        }
    }

    @Schema(name = "Me", description = "当前登录的账号 Who the caller is")
    public record MeView(String username, String displayName, Role role, PartyRef party, String regionCode,
                         String department) {
        static MeView of(Caller c) {
            return new MeView(c.username(), c.displayName(), c.role(), PartyRef.of(c.ownParty()), c.regionCode(),
                    c.department());
        }
    }

    @Schema(name = "NewAccount", description = "新建账号 Create an account. ENTERPRISE 需信用代码；INSTITUTION 需机构编号；"
            + "INVESTOR 需投资方编号；BUREAU 需地区代码与部门。")
    public record NewAccount(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "用户名为 3–64 位字母、数字或 . _ -") String username,
            @NotBlank @Size(max = 200) String password,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull Role role,
            @Size(max = 64) @Schema(description = "企业信用代码、机构编号或投资方编号") String partyKey,
            @Size(max = 12) @Schema(description = "局方账号的地区代码（GB/T 2260）") String regionCode,
            @Schema(enumeration = {"工信局", "科技局", "金融监管局"}) String department) {
    }

    @Schema(name = "AccountPatch", description = "锁定、解锁、停用、重置密码或改名 Lock, unlock, disable, reset the password, rename")
    public record AccountPatch(
            @Schema(enumeration = {"ACTIVE", "LOCKED", "DISABLED"}) Account.Status status,
            @Size(max = 200) @Schema(description = "新密码（重置）") String password,
            @Size(max = 100) String displayName) {
    }

    @Schema(name = "Account", description = "账号（不含密码）")
    public record AccountView(String username, String displayName, Role role, String partyKey, String regionCode,
                              String department, Account.Status status, String createdBy, OffsetDateTime createdAt,
                              OffsetDateTime lastLoginAt) {
        static AccountView of(Account a) {
            return new AccountView(a.username(), a.displayName(), a.role(), a.partyKey(), a.regionCode(), a.department(),
                    a.status(), a.createdBy(), a.createdAt(), a.lastLoginAt());
        }
    }
}
