package cn.duijie.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.MissingResourceException;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.duijie.domain.NodeKind;
import cn.duijie.domain.Tier;

/**
 * Every message key the code names exists in its bundle: {@code Messages.get("key")} in i18n/messages.properties,
 * a constraint's {@code message = "{key}"} in ValidationMessages.properties. Fails the build on a missing key.
 */
class MessagesBundleTest {

    private static final Pattern GET = Pattern.compile("Messages\\.get\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern CONSTRAINT_MESSAGE = Pattern.compile("message\\s*=\\s*\"\\{([^}]+)}\"");

    @Test
    void everyKeyTheCodeNamesIsInTheBundle() throws IOException {
        Properties bundle = load("/i18n/messages.properties");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Path file : javaFiles()) {
            String src = Files.readString(file);
            Matcher m = GET.matcher(src);
            while (m.find()) {
                String firstArgument = firstArgument(src, m.end());
                boolean prefixOnly = firstArgument.contains("+");
                Matcher lit = LITERAL.matcher(firstArgument);
                while (lit.find()) {
                    String key = lit.group(1);
                    checked++;
                    boolean found = prefixOnly ? bundle.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : bundle.containsKey(key);
                    if (!found) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertTrue(checked > 100, "the scan found the code's keys (" + checked + ")");
        assertEquals(List.of(), missing, "keys named in code but missing from i18n/messages.properties");
    }

    /** Pages label every match flag with web.enum.&lt;FLAG&gt;; a flag without one broke the need page (500). */
    @Test
    void everyMatchFlagTheCodeSetsHasAPageLabel() throws IOException {
        Properties bundle = load("/i18n/messages.properties");
        Pattern flag = Pattern.compile("flags\\.add\\(\"([A-Z_]+)\"\\)");
        TreeSet<String> seen = new TreeSet<>();
        TreeSet<String> missing = new TreeSet<>();
        for (Path file : javaFiles()) {
            Matcher m = flag.matcher(Files.readString(file));
            while (m.find()) {
                seen.add(m.group(1));
                need(bundle, "web.enum." + m.group(1), missing);
            }
        }
        assertTrue(seen.size() >= 5, "the scan found the flags (" + seen + ")");
        assertEquals(new TreeSet<>(), missing);
    }

    @Test
    void keysChosenPerEnumConstantExistForEveryConstant() throws IOException {
        Properties bundle = load("/i18n/messages.properties");
        TreeSet<String> missing = new TreeSet<>();
        for (Tier t : Tier.values()) {
            need(bundle, "tier." + t.name(), missing);
            if (t != Tier.NONE) {
                need(bundle, "reason.tier." + t.name(), missing);
            }
        }
        for (NodeKind k : NodeKind.values()) {
            need(bundle, "node." + k.name(), missing);
        }
        assertEquals(new TreeSet<>(), missing);
    }

    @Test
    void everyConstraintMessageKeyIsInTheValidationBundle() throws IOException {
        Properties bundle = load("/ValidationMessages.properties");
        List<String> missing = new ArrayList<>();
        for (Path file : javaFiles()) {
            Matcher m = CONSTRAINT_MESSAGE.matcher(Files.readString(file));
            while (m.find()) {
                if (!bundle.containsKey(m.group(1))) {
                    missing.add(file.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), missing, "constraint message keys missing from ValidationMessages.properties");
    }

    @Test
    void aMissingKeyIsAnErrorNotTheKeyItself() {
        assertThrows(MissingResourceException.class, () -> Messages.get("no.such.key"));
    }

    private static void need(Properties bundle, String key, TreeSet<String> missing) {
        if (!bundle.containsKey(key)) {
            missing.add(key);
        }
    }

    /** The text of the first argument of a call whose "(" ends just before start. */
    private static String firstArgument(String src, int start) {
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < src.length(); i++) {
            char c = src.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' || c == ',') {
                if (depth == 0) {
                    return src.substring(start, i);
                }
                if (c == ')') {
                    depth--;
                }
            }
        }
        return src.substring(start);
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
            return walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesBundleTest.class.getResourceAsStream(resource)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
