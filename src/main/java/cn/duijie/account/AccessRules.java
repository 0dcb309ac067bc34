package cn.duijie.account;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who may call which endpoint: the one table of access rules (the README's "Access rules" table says the same and a
 * test keeps the two, and the served OpenAPI document, in step). {@link AccessFilter} applies {@link Who} before a
 * resource runs; the object-level part ({@code scope}) is decided in {@link AccessPolicy}, called at the service
 * boundary, and answers 404 for another party's private object.
 */
public final class AccessRules {

    /** The role gate. */
    public enum Who {
        /** No login needed. */
        ANYONE,
        /** Any logged-in account (the scope may narrow it to the owner and the region's bureau). */
        LOGIN,
        /** Accounts of a party: ENTERPRISE, INSTITUTION, INVESTOR (bureau staff and ADMIN → 403). */
        PARTY,
        /** Bureau staff (of the region concerned) and ADMIN. */
        BUREAU,
        /** ADMIN only. */
        ADMIN;

        public boolean admits(Caller c) {
            return switch (this) {
                case ANYONE -> true;
                case LOGIN -> !c.anonymous();
                case PARTY -> c.is(Role.ENTERPRISE) || c.is(Role.INSTITUTION) || c.is(Role.INVESTOR);
                case BUREAU -> c.is(Role.BUREAU) || c.is(Role.ADMIN);
                case ADMIN -> c.is(Role.ADMIN);
            };
        }
    }

    /** A rule: the gate, and in words what narrows it to objects (empty when the gate says it all). */
    public record Rule(Who who, String scope) {
    }

    private static final String OWNER_OR_BUREAU = "发布方本人、发布方所在地区的局方、ADMIN；他人的为 404";
    private static final String PARTY_OR_BUREAU = "该主体本人、其所在地区的局方、ADMIN；他人的为 404";
    private static final String CITY_BUREAU = "该地区（及上级）的局方、ADMIN；其他地区为 404";
    private static final String REGION_BUREAU = "活动所在地区（及上级）的局方、ADMIN";

    private static final Map<String, Rule> RULES = new TreeMap<>(Map.ofEntries(
            // accounts and login
            rule("POST /api/v1/auth/token", Who.ANYONE, ""),
            rule("GET /api/v1/me", Who.LOGIN, "本人"),
            rule("POST /api/v1/auth/activate", Who.ANYONE, "持一次性激活码的本人"),
            rule("POST /api/v1/accounts", Who.BUREAU, "局方只能为本地区的主体与本地区局方建号；ADMIN 任意"),
            rule("GET /api/v1/accounts", Who.BUREAU, "局方只看到本地区的账号"),
            rule("PATCH /api/v1/accounts/{username}", Who.BUREAU, "局方只能改本地区的账号；ADMIN 任意"),
            // contact details and consent
            rule("PUT /api/v1/me/contact", Who.PARTY, "本方（企业、机构、投资方）"),
            rule("GET /api/v1/me/contact", Who.PARTY, "本方"),
            rule("POST /api/v1/contact-requests", Who.PARTY, "以本方名义"),
            rule("GET /api/v1/contact-requests", Who.PARTY, "本方收到或发出的"),
            rule("POST /api/v1/contact-requests/{id}/accept", Who.LOGIN, "被请求方（或可代表它的局方、ADMIN）；他人为 404"),
            rule("POST /api/v1/contact-requests/{id}/decline", Who.LOGIN, "被请求方（或可代表它的局方、ADMIN）；他人为 404"),
            rule("POST /api/v1/contact-requests/{id}/withdraw", Who.LOGIN, "请求方（或可代表它的局方、ADMIN）；他人为 404"),
            rule("GET /api/v1/contacts", Who.PARTY, "对方同意后可见的联系方式；每次显示记入审计"),
            // the public graph
            rule("GET /api/v1/chains", Who.ANYONE, ""),
            rule("GET /api/v1/chains/{id}", Who.ANYONE, ""),
            rule("GET /api/v1/chains/{id}/gaps", Who.ANYONE, ""),
            rule("GET /api/v1/enterprises", Who.ANYONE, "公开信息"),
            rule("GET /api/v1/enterprises/{creditCode}", Who.ANYONE, "公开信息"),
            rule("PUT /api/v1/enterprises/{creditCode}", Who.LOGIN, "企业本人、企业所在地区的局方、ADMIN"),
            rule("GET /api/v1/institutions", Who.ANYONE, "公开信息"),
            rule("GET /api/v1/institutions/{id}", Who.ANYONE, "公开信息"),
            rule("GET /api/v1/achievements", Who.ANYONE, ""),
            rule("GET /api/v1/funds", Who.ANYONE, "公开信息"),
            rule("GET /api/v1/funds/{id}", Who.ANYONE, "公开信息"),
            // needs and matching
            rule("POST /api/v1/needs", Who.LOGIN, "以本企业名义；局方可为本地区企业录入（记录录入人）；ADMIN 任意"),
            rule("GET /api/v1/needs", Who.ANYONE, "公开的在征集需求；草稿等仅发布方与其地区局方可见"),
            rule("GET /api/v1/needs/{id}", Who.ANYONE, "公开的在征集需求；其余仅发布方与其地区局方可见，他人为 404"),
            rule("PATCH /api/v1/needs/{id}", Who.LOGIN, OWNER_OR_BUREAU),
            rule("GET /api/v1/needs/{id}/matches", Who.LOGIN, OWNER_OR_BUREAU),
            rule("GET /api/v1/needs/{id}/consortia", Who.LOGIN, OWNER_OR_BUREAU),
            rule("POST /api/v1/needs/{id}/feedback", Who.LOGIN, OWNER_OR_BUREAU),
            rule("GET /api/v1/needs/{id}/feedback", Who.LOGIN, OWNER_OR_BUREAU),
            rule("GET /api/v1/needs/{id}/shortlist", Who.LOGIN, OWNER_OR_BUREAU),
            rule("GET /api/v1/enterprises/{creditCode}/opportunities", Who.LOGIN, PARTY_OR_BUREAU),
            rule("GET /api/v1/institutions/{id}/opportunities", Who.LOGIN, PARTY_OR_BUREAU),
            rule("GET /api/v1/funds/{id}/opportunities", Who.LOGIN, "基金所属投资方、其所在地区的局方、ADMIN；他人的为 404"),
            // imports
            rule("POST /api/v1/imports", Who.BUREAU, "局方只能导入本地区的主体"),
            rule("GET /api/v1/imports/{jobId}", Who.BUREAU, "发起导入的局方、ADMIN"),
            // events
            rule("POST /api/v1/events", Who.BUREAU, REGION_BUREAU),
            rule("GET /api/v1/events/{id}", Who.LOGIN, ""),
            rule("GET /api/v1/events/{id}/suggested-invitees", Who.BUREAU, REGION_BUREAU),
            rule("POST /api/v1/events/{id}/participants", Who.LOGIN, "局方邀请；主体只能为自己报名"),
            rule("GET /api/v1/events/{id}/participants", Who.LOGIN, ""),
            rule("GET /api/v1/events/{id}/participants/{pid}", Who.LOGIN, ""),
            rule("PATCH /api/v1/events/{id}/participants/{pid}", Who.LOGIN, "该参与方本人、活动地区局方"),
            rule("POST /api/v1/events/{id}/meeting-requests", Who.LOGIN, "以本方参与者名义；局方可代录"),
            rule("GET /api/v1/events/{id}/meeting-requests", Who.LOGIN, "活动地区局方看全部；参与方只看自己的（participantId）"),
            rule("POST /api/v1/events/{id}/meeting-requests/{rid}/accept", Who.LOGIN, "被请求方本人、活动地区局方"),
            rule("POST /api/v1/events/{id}/meeting-requests/{rid}/decline", Who.LOGIN, "被请求方本人、活动地区局方"),
            rule("POST /api/v1/events/{id}/meeting-requests/{rid}/confirm", Who.BUREAU, REGION_BUREAU),
            rule("POST /api/v1/events/{id}/meetings", Who.BUREAU, REGION_BUREAU),
            rule("POST /api/v1/events/{id}/schedule", Who.BUREAU, REGION_BUREAU),
            rule("GET /api/v1/events/{id}/schedule", Who.LOGIN, ""),
            rule("POST /api/v1/events/{id}/schedule/publish", Who.BUREAU, REGION_BUREAU),
            rule("GET /api/v1/events/{id}/schedule.xlsx", Who.BUREAU, REGION_BUREAU),
            rule("GET /api/v1/events/{id}/participants/{pid}/schedule.ics", Who.LOGIN, "该参与方本人、活动地区局方"),
            rule("POST /api/v1/events/{id}/outcomes", Who.BUREAU, REGION_BUREAU),
            rule("GET /api/v1/events/{id}/outcomes", Who.LOGIN, ""),
            // pickers and event lists
            rule("GET /api/v1/products", Who.ANYONE, ""),
            rule("GET /api/v1/technologies", Who.ANYONE, ""),
            rule("GET /api/v1/products/{code}/potential-makers", Who.LOGIN, ""),
            rule("GET /api/v1/events", Who.LOGIN, ""),
            // cultivation desk (梯度培育)
            rule("GET /api/v1/regions/{code}/targets", Who.BUREAU, CITY_BUREAU),
            rule("PUT /api/v1/regions/{code}/targets", Who.BUREAU, CITY_BUREAU),
            rule("GET /api/v1/dashboard", Who.BUREAU, CITY_BUREAU),
            rule("GET /api/v1/dashboard.xlsx", Who.BUREAU, CITY_BUREAU),
            rule("GET /api/v1/cultivation/candidates", Who.BUREAU, CITY_BUREAU),
            rule("GET /api/v1/cultivation/candidates.xlsx", Who.BUREAU, CITY_BUREAU),
            rule("GET /api/v1/enterprises/{creditCode}/readiness", Who.LOGIN, PARTY_OR_BUREAU),
            rule("GET /api/v1/enterprises/{creditCode}/cultivation", Who.BUREAU, "企业所在地区的局方、ADMIN；他人的为 404"),
            rule("POST /api/v1/enterprises/{creditCode}/cultivation", Who.BUREAU, "企业所在地区的局方、ADMIN；他人的为 404"),
            rule("POST /api/v1/tech-transfers", Who.LOGIN, "成果所属机构、受让企业、二者所在地区的局方、ADMIN；他人为 403"),
            rule("GET /api/v1/tech-transfers", Who.BUREAU, CITY_BUREAU),
            rule("GET /api/v1/tech-transfers/{id}", Who.LOGIN, "项目双方（机构、企业）、其所在地区的局方、ADMIN；他人的为 404"),
            // chain resilience (强链补链)
            rule("GET /api/v1/enterprises/{creditCode}/supply-risk", Who.LOGIN, PARTY_OR_BUREAU),
            rule("GET /api/v1/enterprises/{creditCode}/second-sources", Who.LOGIN, PARTY_OR_BUREAU),
            rule("POST /api/v1/regions/{code}/what-if", Who.BUREAU, CITY_BUREAU),
            rule("GET /api/v1/chains/{id}/recruitment", Who.BUREAU, CITY_BUREAU),
            rule("GET /api/v1/chains/{id}/risk", Who.ANYONE, "只给环节汇总数，不列企业"),
            // operations
            rule("GET /api/v1/system/status", Who.ANYONE, ""),
            rule("GET /api/v1/system/matching-snapshot", Who.ANYONE, ""),
            rule("POST /api/v1/system/matching-snapshot/reload", Who.ADMIN, "所有副本重新全量加载匹配快照"),
            rule("POST /api/v1/admin/backups", Who.ADMIN, "在线备份内嵌引擎，写入服务器的 DUIJIE_BACKUP_DIR")));

    private AccessRules() {
    }

    private static Map.Entry<String, Rule> rule(String operation, Who who, String scope) {
        return Map.entry(operation, new Rule(who, scope));
    }

    /** The rule of "METHOD /path/{template}", if there is one. */
    public static Optional<Rule> of(String method, String pathTemplate) {
        return Optional.ofNullable(RULES.get(method.toUpperCase() + " " + pathTemplate));
    }

    /** Every rule, keyed "METHOD /path", in path order. */
    public static Map<String, Rule> all() {
        return java.util.Collections.unmodifiableMap(RULES);
    }
}
