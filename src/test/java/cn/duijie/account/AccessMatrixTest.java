package cn.duijie.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.duijie.support.EmbeddedEnginesResource;
import cn.duijie.support.Imports;
import cn.duijie.support.Logins;
import cn.duijie.support.Ready;
import cn.duijie.support.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The role × endpoint matrix: every operation of the served OpenAPI document has a row in the README's access table
 * and the same rule in {@link AccessRules}, and each role gets what the row says. A new endpoint without a rule fails.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedEnginesResource.class)
class AccessMatrixTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) (/api/[^`]+)` \\| (anyone|login|party|bureau|admin) \\| (.*) \\|$");
    private static final String SOME_ID = "00000000-0000-0000-0000-000000000000";

    @TempDir
    Path dir;

    @Test
    void everyServedOperationHasTheRuleOfTheReadmeTableAndEachRoleGetsWhatItSays() throws Exception {
        Ready.await();
        Map<String, String> readme = readmeTable();
        Map<String, String> code = new TreeMap<>();
        AccessRules.all().forEach((op, rule) -> code.put(op, rule.who().name().toLowerCase()));
        Map<String, Boolean> multipart = new TreeMap<>();
        TreeSet<String> served = servedOperations(multipart);

        assertEquals(new TreeSet<>(served), new TreeSet<>(readme.keySet()),
                "README access table and served OpenAPI operations differ");
        assertEquals(readme, code, "README access table and AccessRules differ");

        String p = TestData.prefix();
        String firm = TestData.creditCode(p + "M");
        Imports.upload(TestData.jiangsuRegions(dir),
                TestData.csv(dir, "enterprises.csv", "creditCode,name,regionCode,tier\n" + firm + ",镇江" + p + "矩阵,321181,POOL\n"),
                TestData.csv(dir, "institutions.csv", "id,name,kind,regionCode\n" + p + "I,镇江" + p + "研究院,INSTITUTE,321100\n"),
                TestData.csv(dir, "investors.csv", "id,name,kind,regionCode\n" + p + "V,镇江" + p + "基金,VC,321100\n"))
                .statusCode(201);

        Map<String, java.util.function.Supplier<RequestSpecification>> roles = new LinkedHashMap<>();
        roles.put("ANONYMOUS", RestAssured::given);
        roles.put("ENTERPRISE", () -> Logins.firm(firm));
        roles.put("INSTITUTION", () -> Logins.institution(p + "I"));
        roles.put("INVESTOR", () -> Logins.investor(p + "V"));
        roles.put("BUREAU", () -> Logins.bureau("320500"));
        roles.put("ADMIN", Logins::admin);

        List<String> wrong = new ArrayList<>();
        for (String op : served) {
            String who = readme.get(op);
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1).replaceAll("\\{[^}]+}", SOME_ID);
            for (var role : roles.entrySet()) {
                RequestSpecification req = role.getValue().get();
                req = multipart.getOrDefault(op, false) ? req.multiPart("note", "x") : req.contentType(ContentType.JSON).body("{}");
                Response res = req.request(method, path);
                int status = res.statusCode();
                String expected = expectation(who, role.getKey());
                boolean ok = switch (expected) {
                    case "401" -> status == 401;
                    case "403" -> status == 403;
                    default -> status != 401 && status != 403 && status < 500;
                };
                if (status == 401 || status == 403) {
                    ok &= String.valueOf(res.contentType()).startsWith("application/problem+json");
                }
                if (!ok) {
                    wrong.add(op + " as " + role.getKey() + ": expected " + expected + ", got " + status);
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    /** What the README's "who" means for a role: "401", "403" or "in" (let through to the endpoint and its scope). */
    static String expectation(String who, String role) {
        boolean anonymous = role.equals("ANONYMOUS");
        return switch (who) {
            case "anyone" -> "in";
            case "login" -> anonymous ? "401" : "in";
            case "party" -> anonymous ? "401" : role.equals("BUREAU") || role.equals("ADMIN") ? "403" : "in";
            case "bureau" -> anonymous ? "401" : role.equals("BUREAU") || role.equals("ADMIN") ? "in" : "403";
            case "admin" -> anonymous ? "401" : role.equals("ADMIN") ? "in" : "403";
            default -> throw new IllegalArgumentException(who);
        };
    }

    static Map<String, String> readmeTable() throws Exception {
        Map<String, String> rows = new TreeMap<>();
        boolean inSection = false;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("#")) {
                inSection = line.equals("### Access rules");
            }
            Matcher m = ROW.matcher(line.strip());
            if (inSection && m.matches()) {
                rows.put(m.group(1) + " " + m.group(2), m.group(3));
            }
        }
        return rows;
    }

    /** "METHOD /path" of every /api operation; {@code multipart} learns which take a multipart body. */
    static TreeSet<String> servedOperations(Map<String, Boolean> multipart) throws Exception {
        JsonNode doc = new ObjectMapper().readTree(RestAssured.given().accept("application/json")
                .get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        TreeSet<String> ops = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(e -> e.getValue().fieldNames().forEachRemaining(m -> {
            if (List.of("get", "post", "put", "patch", "delete").contains(m) && e.getKey().startsWith("/api/")) {
                String op = m.toUpperCase() + " " + e.getKey();
                ops.add(op);
                multipart.put(op, e.getValue().get(m).path("requestBody").path("content").has("multipart/form-data"));
            }
        }));
        return ops;
    }
}
