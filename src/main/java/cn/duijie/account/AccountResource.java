package cn.duijie.account;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.duijie.common.Page;
import cn.duijie.common.PageRequest;

@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "accounts", description = "账号管理（ADMIN 与局方） Accounts, managed by ADMIN and bureau staff")
public class AccountResource {

    private final AccountService accounts;
    private final CurrentCaller caller;

    AccountResource(AccountService accounts, CurrentCaller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "新建账号 Create an account", description = "局方只能为本地区的主体和本地区（及下级）局方建号。")
    @APIResponse(responseCode = "201", description = "已创建 Created")
    public Response create(@Valid @NotNull AccountApi.NewAccount body) {
        Account a = accounts.create(caller.get(), body);
        return Response.created(URI.create("/api/v1/accounts/" + a.username())).entity(AccountApi.AccountView.of(a)).build();
    }

    @GET
    @Operation(summary = "账号列表 List accounts")
    public Page<AccountApi.AccountView> list(@QueryParam("role") Role role,
                                             @jakarta.validation.Valid @jakarta.ws.rs.BeanParam PageRequest paging) {
        Page<Account> p = accounts.list(caller.get(), role, paging.page, paging.size);
        return new Page<>(p.items().stream().map(AccountApi.AccountView::of).toList(), p.total(), p.page(), p.size());
    }

    @PATCH
    @Path("/{username}")
    @Operation(summary = "锁定、解锁、停用、重置密码 Lock, unlock, disable, reset password")
    public AccountApi.AccountView patch(@PathParam("username") String username, @Valid @NotNull AccountApi.AccountPatch body) {
        return AccountApi.AccountView.of(accounts.patch(caller.get(), username, body));
    }
}
