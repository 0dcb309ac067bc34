package cn.duijie.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.SupplyRegion;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Pages that read several things through the request's one Hibernate Reactive session (a need with its candidates
 * and feedback, the candidate row after an action, the shortlist workbook, an event's tabs, schedule and check-in,
 * contact requests) answer 200, again and again: run in parallel, these calls answered 500.
 */
@QuarkusTest
class PagesOnOneSessionTest {

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void ready() {
        Ready.await();
    }

    private java.util.function.Supplier<RequestSpecification> as(String username) {
        return cn.duijie.support.PageSessions.as(base, username);
    }

    @Test
    void aNeedWithItsCandidatesTheActionRowAndTheShortlistWorkbookAnswer200(@TempDir Path dir) {
        SupplyRegion r = new SupplyRegion(dir);
        // a hostile title is stored verbatim and shown as text on every page
        String hostile = "<script>alert('" + r.p + "')</script>";
        String id = Logins.firm(r.leader).contentType(ContentType.JSON)
                .body(r.needJson().replace("采购新能源车用精密轴承", hostile)).post("/api/v1/needs")
                .then().statusCode(201).extract().path("id");
        java.util.function.Supplier<RequestSpecification> leader = as("f-" + r.leader.toLowerCase());
        for (int i = 0; i < 3; i++) {
            leader.get().get("/needs/" + id).then().statusCode(200).body(containsString("丹阳" + r.p + "精密轴承"))
                    .body(containsString("&lt;script&gt;alert(")).body(not(containsString("<script>alert(")));
        }
        leader.get().header("HX-Request", "true").contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("candidateId", r.nearCertified)
                .formParam("candidateType", "ENTERPRISE").formParam("action", "SHORTLIST")
                .post("/needs/" + id + "/feedback").then().statusCode(200).body(containsString("已加入候选"));
        for (int i = 0; i < 3; i++) {
            leader.get().get("/needs/" + id + "/shortlist.xlsx").then().statusCode(200)
                    .contentType(containsString("spreadsheetml"));
        }
        // another firm sees the open need and may offer to supply it, never the poster's candidates
        java.util.function.Supplier<RequestSpecification> other = as(login(r.nearCertified));
        other.get().get("/needs/" + id).then().statusCode(200).body(containsString("我可以供货"))
                .body(not(containsString("丹阳" + r.p + "冠军轴承")));
        other.get().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("needId", id).formParam("poster", r.leader)
                .post("/contacts/offer").then().statusCode(303);
        for (int i = 0; i < 3; i++) {
            leader.get().get("/contacts").then().statusCode(200).body(containsString("丹阳" + r.p + "精密轴承"))
                    .body(containsString("&lt;script&gt;alert(")).body(not(containsString("<script>alert(")));
            other.get().get("/home").then().statusCode(200).body(containsString("已发送供货意向"));
        }
    }

    @Test
    void anEventsTabsScheduleAndCheckInAnswer200(@TempDir Path dir) {
        SupplyRegion r = new SupplyRegion(dir);
        Logins.bureau("321100");
        java.util.function.Supplier<RequestSpecification> clerk = as("b-321100");
        String location = clerk.get().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("kind", "SUPPLY_FAIR").formParam("title", r.p + " 对接会")
                .formParam("chainId", r.p + "C").formParam("regionCode", "321100").formParam("date", "2027-03-01")
                .formParam("startTime", "09:00").formParam("endTime", "11:00").formParam("slotMinutes", "20")
                .formParam("tables", "4").formParam("venue", "镇江").post("/bureau/events")
                .then().statusCode(303).extract().header("Location");
        String event = URI.create(location).getPath();
        clerk.get().contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("party", "HOST:ENTERPRISE:" + r.leader)
                .formParam("party", "GUEST:ENTERPRISE:" + r.nearCertified).post(event + "/invite").then().statusCode(303);
        for (int i = 0; i < 3; i++) {
            for (String tab : new String[] {"invitees", "participants", "requests"}) {
                clerk.get().get(event + "?tab=" + tab).then().statusCode(200).body(containsString(r.p + " 对接会"));
            }
            clerk.get().get(event + "/schedule").then().statusCode(200);
            clerk.get().get(event + "/checkin").then().statusCode(200).body(containsString("镇江" + r.p + "汽车集团"));
            clerk.get().get("/bureau/events").then().statusCode(200).body(containsString(r.p + " 对接会"));
        }
        clerk.get().get(event + "/schedule.xlsx").then().statusCode(equalTo(200));
    }

    @Test
    void theCultivationDeskAnswers200ForTheClerksCityAnd404ForAnother(@TempDir Path dir) {
        new SupplyRegion(dir);
        Logins.bureau("321100");
        java.util.function.Supplier<RequestSpecification> clerk = as("b-321100");
        for (int i = 0; i < 3; i++) {
            // the dashboard, then the region list, on the request's one session; 镇江's plan is seeded for 2025
            clerk.get().get("/bureau/cultivation").then().statusCode(200).body(containsString("镇江市 梯度培育看板"))
                    .body(containsString("对照 2025 年目标")).body(containsString("data-dashboard-chart"));
        }
        clerk.get().get("/bureau/cultivation?region=320100").then().statusCode(404).body(containsString("不在您负责的范围内"));
        given().redirects().follow(false).get("/bureau/cultivation").then().statusCode(303);
    }

    @Test
    void anInvestorsFundsEachWithItsDealFlowAndConflictFlagAnswer200(@TempDir Path dir) {
        SupplyRegion r = new SupplyRegion(dir);
        String investor = r.investorWithTwoFunds(dir);
        String title = r.p + " 扩产融资 2000 万元";
        r.financeNeed(title);
        Logins.investor(investor);
        java.util.function.Supplier<RequestSpecification> analyst = as("v-" + investor.toLowerCase());
        // the need reaches the graph through the outbox relay: ask until both funds show it
        org.awaitility.Awaitility.await("the need shows under both funds").atMost(java.time.Duration.ofSeconds(20))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() -> analyst.get().get("/investor").then().statusCode(200).extract().asString()
                        .split(java.util.regex.Pattern.quote(title), -1).length == 3);
        for (int i = 0; i < 3; i++) {
            analyst.get().get("/investor").then().statusCode(200).body(containsString(r.p + "一号基金")).body(containsString(r.p + "二号基金"))
                    // fund 1 holds a maker of the same product in the same city
                    .body(containsString("投资了直接竞争对手"));
        }
    }

    private static String login(String creditCode) {
        Logins.firm(creditCode);
        return "f-" + creditCode.toLowerCase();
    }
}
