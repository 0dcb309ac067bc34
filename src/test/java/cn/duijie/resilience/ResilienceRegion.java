package cn.duijie.resilience;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import cn.duijie.support.Imports;
import cn.duijie.support.TestData;

/**
 * A purpose-built region for chain resilience, with its own region codes (so removing a city touches only this
 * test's firms): a province with cities 甲 (the leader's), 乙, 丙 and 丁, and a leader whose inputs are known to be
 * single-source (P1, from 甲), one-city (P2, two suppliers in 乙, no maker in 甲), concentrated (P3, 90 % / 10 % by
 * volume) and wanted without a supplier (P4, an open need; one maker in 甲).
 *
 * <p>For second sources (P1): the incumbent {@code s1} (甲恒通精密), its sister firm {@code sister} in 丙 (丙恒通轴承,
 * a big champion), an independent capable maker {@code independent} in 丙 (丙华锐精工), a maker that supplies the
 * incumbent {@code incumbentsSupplier} (丁), and a maker in the incumbent's city {@code sameCity} (甲).
 */
final class ResilienceRegion {

    private static final AtomicInteger NEXT = new AtomicInteger(new java.util.Random().nextInt(24));

    final String p;
    final String province;
    final String cityA;
    final String districtA;
    final String cityB;
    final String cityC;
    final String cityD;
    final String chain;
    final String segUp;
    final String segDown;
    final String p1;
    final String p2;
    final String p3;
    final String p4;
    final String car;
    final String leader;
    final String leader2;
    final String s1;
    final String s2a;
    final String s2b;
    final String s3big;
    final String s3small;
    final String m4;
    final String sister;
    final String independent;
    final String incumbentsSupplier;
    final String sameCity;
    final String outsideOnly;
    /** Makes 电机 (P0, the broader product of P2) in 乙: close to P2, not P2 itself. */
    final String broadMaker;
    final String p0;

    /**
     * Region codes follow GB/T 2260's structure (account.Regions reads it): a test province 9{digit}0000 (one digit per
     * test class) and four cities numbered apart for each region built in this run.
     */
    ResilienceRegion(Path dir, char digit) {
        p = TestData.prefix();
        int base = (NEXT.getAndIncrement() % 24) * 4;
        province = "9" + digit + "0000";
        cityA = "9" + digit + String.format("%02d", base + 1) + "00";
        districtA = cityA.substring(0, 4) + "01";
        cityB = "9" + digit + String.format("%02d", base + 2) + "00";
        cityC = "9" + digit + String.format("%02d", base + 3) + "00";
        cityD = "9" + digit + String.format("%02d", base + 4) + "00";
        chain = p + "C";
        segUp = p + "S1";
        segDown = p + "S2";
        p1 = p + "P1";
        p2 = p + "P2";
        p3 = p + "P3";
        p4 = p + "P4";
        car = p + "P9";
        leader = TestData.creditCode(p + "L");
        leader2 = TestData.creditCode(p + "L2");
        s1 = TestData.creditCode(p + "S1");
        s2a = TestData.creditCode(p + "S2A");
        s2b = TestData.creditCode(p + "S2B");
        s3big = TestData.creditCode(p + "S3B");
        s3small = TestData.creditCode(p + "S3S");
        m4 = TestData.creditCode(p + "M4");
        sister = TestData.creditCode(p + "SIS");
        independent = TestData.creditCode(p + "IND");
        incumbentsSupplier = TestData.creditCode(p + "SUP");
        sameCity = TestData.creditCode(p + "SAME");
        outsideOnly = TestData.creditCode(p + "OUT");
        broadMaker = TestData.creditCode(p + "BROAD");
        p0 = p + "P0";
        Imports.upload(
                TestData.csv(dir, "regions.csv", """
                        code,name,level,parentCode,lat,lon
                        %s,韧性测试省,PROVINCE,,31.0,119.0
                        %s,甲城市,CITY,%s,32.19,119.42
                        %s,甲城区,DISTRICT,%s,32.2,119.47
                        %s,乙城市,CITY,%s,32.06,118.8
                        %s,丙城市,CITY,%s,31.3,120.58
                        %s,丁城市,CITY,%s,33.6,119.0
                        """.formatted(province, cityA, province, districtA, cityA, cityB, province, cityC, province,
                        cityD, province)),
                TestData.csv(dir, "chains.csv", "id,name\n" + chain + ",韧性测试链\n"),
                TestData.csv(dir, "segments.csv", """
                        id,chainId,name,stage,feedsSegmentIds
                        %1$sS1,%1$sC,核心部件,UPSTREAM,%1$sS2
                        %1$sS2,%1$sC,整机,DOWNSTREAM,
                        """.formatted(p)),
                TestData.csv(dir, "products.csv", """
                        code,name,segmentId,broaderCode,keywords
                        %1$sP1,谐波减速器,%1$sS1,,减速器
                        %1$sP0,电机,%1$sS1,,电机
                        %1$sP2,伺服电机,%1$sS1,%1$sP0,电机
                        %1$sP3,控制器,%1$sS1,,控制器
                        %1$sP4,编码器,%1$sS1,,编码器
                        %1$sP9,工业机器人,%1$sS2,,机器人
                        """.formatted(p)),
                TestData.csv(dir, "enterprises.csv", """
                        creditCode,name,regionCode,tier,isChainLeader,employees,productCodes
                        %s,甲%s机器人集团,%s,CHAMPION,true,6000,%sP9
                        %s,甲%s智能装备,%s,SPECIALIZED,true,900,%sP9
                        %s,甲城恒通精密%s,%s,SPECIALIZED,false,300,%sP1
                        %s,乙%s电机一厂,%s,INNOVATIVE,false,200,%sP2
                        %s,乙%s电机二厂,%s,INNOVATIVE,false,150,%sP2
                        %s,甲%s控制技术,%s,SPECIALIZED,false,400,%sP3
                        %s,乙%s控制系统,%s,POOL,false,80,%sP3
                        %s,甲%s编码器,%s,INNOVATIVE,false,60,%sP4
                        %s,丙城恒通轴承%s,%s,CHAMPION,false,5000,%sP1
                        %s,丙城华锐精工%s,%s,SPECIALIZED,false,200,%sP1
                        %s,丁%s传动,%s,LITTLE_GIANT,false,800,%sP1
                        %s,甲%s传动科技,%s,INNOVATIVE,false,100,%sP1
                        %s,丁%s伺服,%s,LITTLE_GIANT,false,700,%sP2
                        %s,乙%s电机集团,%s,CHAMPION,false,9000,%sP0
                        """.formatted(
                        leader, p, districtA, p,
                        leader2, p, districtA, p,
                        s1, p, districtA, p,
                        s2a, p, cityB, p,
                        s2b, p, cityB, p,
                        s3big, p, districtA, p,
                        s3small, p, cityB, p,
                        m4, p, districtA, p,
                        sister, p, cityC, p,
                        independent, p, cityC, p,
                        incumbentsSupplier, p, cityD, p,
                        sameCity, p, districtA, p,
                        outsideOnly, p, cityD, p,
                        broadMaker, p, cityB, p)),
                TestData.csv(dir, "supplies.csv", """
                        supplierCreditCode,buyerCreditCode,productCode,since,volumeWan
                        %s,%s,%sP1,2019,
                        %s,%s,%sP2,2020,
                        %s,%s,%sP2,2021,
                        %s,%s,%sP3,2018,900
                        %s,%s,%sP3,2022,100
                        %s,%s,%sP1,2020,
                        %s,%s,%sP2,2020,
                        """.formatted(
                        s1, leader, p,
                        s2a, leader, p,
                        s2b, leader, p,
                        s3big, leader, p,
                        s3small, leader, p,
                        incumbentsSupplier, s1, p,
                        s2a, leader2, p)))
                .statusCode(201).body("status", equalTo("DONE")).body("errors", hasSize(0));
    }
}
