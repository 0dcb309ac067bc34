package cn.duijie.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.vertx.core.http.HttpServerRequest;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "登录与当前账号 Login and the current account")
public class AuthResource {

    private final Logins logins;
    private final TokenService tokens;
    private final CurrentCaller caller;

    AuthResource(Logins logins, TokenService tokens, CurrentCaller caller) {
        this.logins = logins;
        this.tokens = tokens;
        this.caller = caller;
    }

    @POST
    @Path("/auth/token")
    @Operation(summary = "换取访问令牌 Get a bearer token",
            description = "用户名或密码错误时为 401，且不说明用户名是否存在；同一账号或地址连续失败 5 次后冷却一段时间（429）。")
    public AccountApi.TokenView token(@Valid @NotNull AccountApi.TokenRequest body, @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        TokenService.Token t = tokens.issue(logins.check(body.username(), body.password(), address));
        return new AccountApi.TokenView(t.accessToken(), t.tokenType(), t.expiresIn());
    }

    @POST
    @Path("/auth/activate")
    @Operation(summary = "用激活码启用账号 Activate an account",
            description = "局方批量导入企业时为有联系人邮箱或手机的企业建了锁定账号和一次性激活码；企业用它设密码后即可登录，"
                    + "并得到访问令牌。激活码错误与密码错误一样计入失败次数（401，5 次后冷却 429）。")
    public AccountApi.TokenView activate(@Valid @NotNull AccountApi.ActivationRequest body, @Context HttpServerRequest request) {
        String address = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        TokenService.Token t = tokens.issue(logins.activate(body.username(), body.activationCode(), body.password(), address));
        return new AccountApi.TokenView(t.accessToken(), t.tokenType(), t.expiresIn());
    }

    @GET
    @Path("/me")
    @Operation(summary = "当前账号 Who the caller is", description = "角色、代表的主体、地区与部门。")
    public AccountApi.MeView me() {
        return AccountApi.MeView.of(caller.get());
    }
}
