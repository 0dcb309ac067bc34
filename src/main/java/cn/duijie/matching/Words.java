package cn.duijie.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Chinese words of a text, as matching compares them: Lucene's smartcn analyser (a hidden-Markov word segmenter
 * with its own dictionary and stop words), so 数控机床主轴 gives 数控 · 机床 · 主轴, not character bigrams; a
 * character it leaves alone stays a word (锂电池 gives 锂 · 电池). Latin words and numbers are kept, lower-cased
 * (IATF16949 gives iatf · 16949). Words found in almost every firm (有限公司, 产品) weigh almost nothing by their
 * document frequency ({@link WordStats}). The analyser is thread-safe; terms are interned because the snapshot
 * holds them for every firm.
 */
public final class Words {

    private static final SmartChineseAnalyzer ANALYZER = new SmartChineseAnalyzer(true);

    private Words() {
    }

    /** The distinct words of the texts, in order of first appearance. */
    public static List<String> of(String... texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : texts) {
            addTo(out, text);
        }
        return List.copyOf(out);
    }

    /** The distinct words of the texts, in order of first appearance. */
    public static List<String> of(List<String> texts) {
        Set<String> out = new LinkedHashSet<>();
        texts.forEach(t -> addTo(out, t));
        return List.copyOf(out);
    }

    private static void addTo(Set<String> out, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        try (TokenStream ts = ANALYZER.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (keep(w)) {
                    out.add(w.intern());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    private static boolean keep(String w) {
        return !w.isBlank() && Character.isLetterOrDigit(w.codePointAt(0));
    }
}
