package cn.duijie.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Path;

/**
 * A small supply-chain region imported through the API: a chain leader in 镇江 that wants 精密轴承, good makers
 * near it, and the traps — a maker 3,000 km away, one without the required certification, the leader itself.
 */
public final class SupplyRegion {

    public final String p;
    public final String leader;
    public final String nearCertified;
    public final String changshu;
    public final String far;
    public final String noCert;
    public final String champion;
    public final String broadMaker;
    public final String peer;
    public final String bearing;
    public final String bearings;
    public final String vehicle;

    public SupplyRegion(Path dir) {
        p = TestData.prefix();
        leader = TestData.creditCode(p + "L");
        nearCertified = TestData.creditCode(p + "A");
        changshu = TestData.creditCode(p + "B");
        far = TestData.creditCode(p + "FAR");
        noCert = TestData.creditCode(p + "NOCERT");
        champion = TestData.creditCode(p + "CH");
        broadMaker = TestData.creditCode(p + "BROAD");
        peer = TestData.creditCode(p + "Q");
        bearing = p + "P1";
        bearings = p + "P0";
        vehicle = p + "P9";
        Imports.upload(
                TestData.csv(dir, "regions.csv", """
                        code,name,level,parentCode,lat,lon
                        320000,江苏省,PROVINCE,,32.06,118.79
                        321100,镇江市,CITY,320000,32.19,119.42
                        321102,京口区,DISTRICT,321100,32.2,119.47
                        321181,丹阳市,DISTRICT,321100,32.01,119.61
                        320500,苏州市,CITY,320000,31.3,120.58
                        320581,常熟市,DISTRICT,320500,31.65,120.75
                        650000,新疆维吾尔自治区,PROVINCE,,43.79,87.63
                        650100,乌鲁木齐市,CITY,650000,43.83,87.62
                        """),
                TestData.csv(dir, "chains.csv", "id,name\n" + p + "C,新能源汽车\n"),
                TestData.csv(dir, "segments.csv", """
                        id,chainId,name,stage,feedsSegmentIds
                        %1$sS1,%1$sC,关键零部件,UPSTREAM,%1$sS2
                        %1$sS2,%1$sC,整车制造,DOWNSTREAM,
                        """.formatted(p)),
                TestData.csv(dir, "products.csv", """
                        code,name,segmentId,broaderCode,keywords
                        %1$sP0,轴承,%1$sS1,,轴承
                        %1$sP1,精密轴承,%1$sS1,%1$sP0,轴承|高精度
                        %1$sP9,新能源整车,%1$sS2,,整车
                        """.formatted(p)),
                TestData.csv(dir, "enterprises.csv", """
                        creditCode,name,regionCode,tier,isChainLeader,employees,certifications,productCodes,description
                        %2$s,镇江%1$s汽车集团,321102,CHAMPION,true,8000,IATF16949,%1$sP9|%1$sP1,新能源整车
                        %3$s,丹阳%1$s精密轴承,321181,SPECIALIZED,false,300,IATF16949|ISO9001,%1$sP1,汽车精密轴承
                        %4$s,常熟%1$s轴承,320581,POOL,false,120,IATF16949,%1$sP1,轴承
                        %5$s,乌鲁木齐%1$s轴承,650100,CHAMPION,false,5000,IATF16949,%1$sP1,轴承
                        %6$s,丹阳%1$s无证轴承,321181,LITTLE_GIANT,false,900,ISO9001,%1$sP1,轴承
                        %7$s,丹阳%1$s冠军轴承,321181,CHAMPION,false,2000,IATF16949,%1$sP1,轴承
                        %8$s,镇江%1$s通用轴承,321102,NONE,false,40,IATF16949,%1$sP0,通用轴承
                        %9$s,镇江%1$s客车,321102,SPECIALIZED,false,1500,,%1$sP9,客车整车
                        """.formatted(p, leader, nearCertified, changshu, far, noCert, champion, broadMaker, peer)),
                TestData.csv(dir, "supplies.csv", """
                        supplierCreditCode,buyerCreditCode,productCode,since
                        %1$s,%2$s,%4$s,2020
                        %3$s,%5$s,%4$s,2021
                        """.formatted(nearCertified, leader, changshu, bearing, peer)))
                .statusCode(201).body("status", equalTo("DONE")).body("errors", hasSize(0));
    }

    /**
     * An investor (id returned: prefix + "V", in 镇江) with two equity funds on the chain: 一号基金 (A|B, 500–5000 万元)
     * holds the champion bearing maker, 二号基金 (A, 200–3000 万元) holds nothing.
     */
    public String investorWithTwoFunds(Path dir) {
        String investor = p + "V";
        Imports.upload(
                TestData.csv(dir, "investors.csv", "id,name,kind,regionCode\n%s,镇江%s创投,VC,321100\n".formatted(investor, p)),
                TestData.csv(dir, "funds.csv", """
                        id,investorId,name,stages,ticketMinWan,ticketMaxWan,instruments,chainIds,segmentIds,regionMandate
                        %1$sF1,%2$s,%1$s一号基金,A|B,500,5000,EQUITY,%1$sC,,
                        %1$sF2,%2$s,%1$s二号基金,A,200,3000,EQUITY,%1$sC,,
                        """.formatted(p, investor)),
                TestData.csv(dir, "investments.csv", "fundId,creditCode,round,year,amountWan\n%sF1,%s,A,2024,800\n"
                        .formatted(p, champion)))
                .statusCode(201).body("errors", hasSize(0));
        return investor;
    }

    /** The near certified maker posts an A-round equity FINANCE need of 2000 万元 with this title (both funds fit it). */
    public void financeNeed(String title) {
        Logins.firm(nearCertified).contentType(io.restassured.http.ContentType.JSON).body("""
                {"kind": "FINANCE", "postedBy": "%s", "title": "%s", "amountWan": 2000, "stage": "A", "instrument": "EQUITY"}
                """.formatted(nearCertified, title)).post("/api/v1/needs").then().statusCode(201);
    }

    /**
     * A SUPPLY need of the leader for 精密轴承 within 200 km, IATF16949 required. The leader already buys it from one
     * supplier, so the need says GENERAL: these tests check the plain supply ranking, not second sourcing.
     */
    public String needJson() {
        return """
                {"kind": "SUPPLY", "postedBy": "%s", "title": "采购新能源车用精密轴承",
                 "productCodes": ["%s"], "quantity": 20000, "requiredCertifications": ["IATF16949"],
                 "purpose": "GENERAL", "maxDistanceKm": 200}
                """.formatted(leader, bearing);
    }
}
