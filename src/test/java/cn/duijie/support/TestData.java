package cn.duijie.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

import cn.duijie.common.CreditCode;

/** Builders for test data: valid credit codes, unique key prefixes, CSV files on disk. */
public final class TestData {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestData() {
    }

    /** A unique, letters-only prefix so each test's keys never collide with another test's. */
    public static String prefix() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 6).toUpperCase();
    }

    /**
     * Chinese characters unique to a prefix (one per character of it), for product or technology names that no other
     * test's region shares: every test region that names a product 轴承 makes that word less telling for the others.
     */
    public static String chineseTag(String prefix) {
        String table = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土天地玄黄宇宙洪荒";
        StringBuilder sb = new StringBuilder();
        prefix.chars().forEach(c -> sb.append(table.charAt(Character.isDigit(c) ? c - '0' : 10 + (c - 'A') % 26)));
        return sb.toString();
    }

    /** A valid 统一社会信用代码 derived from a seed text (same seed, same code). */
    public static String creditCode(String seed) {
        Random r = new Random(seed.hashCode() * 31L + seed.length());
        StringBuilder sb = new StringBuilder("91321100");
        while (sb.length() < 17) {
            sb.append(CHARS.charAt(r.nextInt(CHARS.length())));
        }
        return sb.toString() + CreditCode.checkCharacter(sb.toString());
    }

    /** The same code with a wrong check character. */
    public static String withWrongCheck(String code) {
        char right = code.charAt(17);
        char wrong = right == '0' ? '1' : '0';
        return code.substring(0, 17) + wrong;
    }

    /** A need as matchers take it (not stored): no certifications, no products or technologies unless set. */
    public static cn.duijie.need.Need need(String kind, String postedBy, String title) {
        cn.duijie.need.Need need = new cn.duijie.need.Need();
        need.id = "EQ";
        need.kind = cn.duijie.domain.NeedKind.valueOf(kind);
        need.postedBy = postedBy;
        need.title = title;
        need.productCodes = "";
        need.technologyCodes = "";
        need.requiredCertifications = "";
        return need;
    }

    /** regions.csv with Zhenjiang/Danyang, Nanjing/Qixia and Suzhou/Changshu: three cities of different mandates. */
    public static Path jiangsuRegions(Path dir) {
        return csv(dir, "regions.csv", """
                code,name,level,parentCode,lat,lon
                320000,江苏省,PROVINCE,,32.06,118.79
                321100,镇江市,CITY,320000,32.19,119.42
                321181,丹阳市,DISTRICT,321100,32.01,119.61
                320100,南京市,CITY,320000,32.06,118.8
                320113,栖霞区,DISTRICT,320100,32.1,118.9
                320500,苏州市,CITY,320000,31.3,120.58
                320581,常熟市,DISTRICT,320500,31.65,120.75
                """);
    }

    public static Path csv(Path dir, String name, String content) {
        return write(dir, name, content, StandardCharsets.UTF_8);
    }

    public static Path write(Path dir, String name, String content, Charset charset) {
        try {
            Files.createDirectories(dir);
            Path p = dir.resolve(name);
            Files.writeString(p, content, charset);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
