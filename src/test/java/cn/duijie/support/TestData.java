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
