package cn.duijie.account;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import cn.duijie.common.StartupTasks;
import cn.duijie.graph.Graph;

/**
 * First start: creates {@code admin} (password from DUIJIE_ADMIN_PASSWORD, or a random one logged once), and, when the
 * demo region is loaded, one demo account per persona (README "Demo accounts"). Runs after the demo region is seeded;
 * readiness is DOWN until it is done, so a replica reported ready accepts these logins.
 */
@ApplicationScoped
@org.eclipse.microprofile.health.Readiness
public class AccountBootstrap implements org.eclipse.microprofile.health.HealthCheck {

    private static final Logger LOG = Logger.getLogger(AccountBootstrap.class);

    /** The demo personas: real parties of graph-seed/ (镇江). */
    public record Demo(String username, String displayName, Role role, String partyKey, String regionCode,
                       String department, String graphCheck) {
    }

    public static final List<Demo> DEMO = List.of(
            new Demo("zj-gxj", "镇江市工信局 王科员", Role.BUREAU, null, "321100", "工信局",
                    "MATCH (n:Region {code: $key}) RETURN count(n) AS n"),
            new Demo("zj-leader", "镇江宏智集团 采购部", Role.ENTERPRISE, "91321183LDGU6K5255", null, null,
                    "MATCH (n:Enterprise {creditCode: $key}) RETURN count(n) AS n"),
            new Demo("zj-sme", "镇江辰达汽车芯片 总经理", Role.ENTERPRISE, "91321102GLWTJK6G7T", null, null,
                    "MATCH (n:Enterprise {creditCode: $key}) RETURN count(n) AS n"),
            new Demo("ujs-tto", "江苏大学 技术转移中心", Role.INSTITUTION, "INST036", null, null,
                    "MATCH (n:Institution {id: $key}) RETURN count(n) AS n"),
            new Demo("zj-fund", "镇江市产业投资引导基金 投资部", Role.INVESTOR, "INV002", null, null,
                    "MATCH (n:Investor {id: $key}) RETURN count(n) AS n"));

    private final AccountRepository accounts;
    private final AccountService service;
    private final AccountConfig config;
    private final Graph graph;
    private final boolean seedOnEmpty;
    private volatile boolean done;

    AccountBootstrap(AccountRepository accounts, AccountService service, AccountConfig config, Graph graph,
                     cn.duijie.common.ServiceConfig settings) {
        this.accounts = accounts;
        this.service = service;
        this.config = config;
        this.graph = graph;
        this.seedOnEmpty = settings.seed().onEmpty();
    }

    /** After SeedLoader (default priority), so the demo parties exist. */
    void onSchemasReady(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 900) StartupTasks.SchemasReady ready) {
        try {
            createAdmin();
            if (seedOnEmpty && config.demo()) {
                createDemoAccounts();
            }
        } finally {
            done = true;
        }
    }

    @Override
    public org.eclipse.microprofile.health.HealthCheckResponse call() {
        var b = org.eclipse.microprofile.health.HealthCheckResponse.named("Accounts");
        return done ? b.up().build() : b.down().withData("status", cn.duijie.common.Messages.get("ready.accounts-pending")).build();
    }

    private void createAdmin() {
        if (accounts.find("admin").isPresent()) {
            return;
        }
        boolean given = config.adminPassword().filter(p -> !p.isBlank()).isPresent();
        String password = config.adminPassword().filter(p -> !p.isBlank()).orElseGet(() -> Passwords.random(20));
        Passwords.check("DUIJIE_ADMIN_PASSWORD", password, config.minPasswordLength());
        if (!accounts.insert(new Account("admin", Passwords.hash(password), "系统管理员", Role.ADMIN, null, null, null,
                Account.Status.ACTIVE, null, "bootstrap", null, null))) {
            return; // another replica starting at the same time created it first
        }
        if (given) {
            LOG.info("Created account 'admin' with the password from DUIJIE_ADMIN_PASSWORD");
        } else {
            LOG.infof("Created account 'admin' with the generated password %s (shown once; change it with PATCH /api/v1/accounts/admin)", password);
        }
    }

    private void createDemoAccounts() {
        int created = 0;
        for (Demo d : DEMO) {
            if (accounts.find(d.username()).isPresent()) {
                continue;
            }
            String key = d.partyKey() != null ? d.partyKey() : d.regionCode();
            long n = graph.read(d.graphCheck(), Map.of("key", key)).await().atMost(java.time.Duration.ofSeconds(30))
                    .get(0).get("n").asLong();
            if (n == 0) {
                continue;
            }
            try {
                service.create(adminCaller(), new AccountApi.NewAccount(d.username(), config.demoPassword(), d.displayName(),
                        d.role(), d.partyKey(), d.regionCode(), d.department()));
                created++;
            } catch (cn.duijie.common.DomainException e) {
                if (accounts.find(d.username()).isEmpty()) {
                    throw e;
                }
                // another replica starting at the same time created it first
            }
        }
        if (created > 0) {
            LOG.infof("Created %d demo accounts (%s), password: %s", created,
                    String.join(", ", DEMO.stream().map(Demo::username).toList()), config.demoPassword());
        }
    }

    private static Caller adminCaller() {
        return new Caller("bootstrap", "bootstrap", Role.ADMIN, null, null, null);
    }
}
