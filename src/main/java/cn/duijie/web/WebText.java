package cn.duijie.web;

import cn.duijie.common.Messages;
import io.quarkus.qute.TemplateExtension;

/** Page text from the one message bundle (i18n/messages.properties): {msg:t('web.nav.chains')} in templates. */
@TemplateExtension(namespace = "msg")
public final class WebText {

    private WebText() {
    }

    static String t(String key, Object... args) {
        return Messages.get(key, args);
    }

    /** 专精特新 ladder label of a tier code (NONE … CHAMPION). */
    static String tier(Object code) {
        return code == null ? "" : Messages.get("tier." + name(code));
    }

    /** The text of key prefix + code, e.g. of('web.need.action.', 'SHORTLIST'). */
    static String of(String prefix, Object code) {
        return code == null ? "" : Messages.get(prefix + name(code));
    }

    /** A score in [0, 1] as the 0–100 a person reads. */
    static String score(double score) {
        return String.valueOf(Math.round(score * 100));
    }

    /** A count or amount without a trailing ".0" (20, 120.5); "—" when not known or not set (a target the plan lacks). */
    static String num(Number n) {
        if (n == null) {
            return "—";
        }
        return new java.math.BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }

    /** A piece of a drawn reason path: a node (firm, product…) or the arrow between two, e.g. "—需要→". */
    public record PathPart(String text, boolean edge) {
    }

    /** A reason path as node, arrow, node…, with the arrows (and their direction) as the matcher wrote them. */
    static java.util.List<PathPart> parts(cn.duijie.matching.MatchModel.ReasonPath path) {
        java.util.List<PathPart> out = new java.util.ArrayList<>();
        String text = path.text();
        int at = 0;
        for (int i = 0; i < path.nodes().size(); i++) {
            String name = path.nodes().get(i).name();
            int found = name == null ? -1 : text.indexOf(name, at);
            if (found < 0) {
                return java.util.List.of(new PathPart(text, false));
            }
            if (i > 0) {
                out.add(new PathPart(text.substring(at, found).strip(), true));
            }
            out.add(new PathPart(name, false));
            at = found + name.length();
        }
        return out;
    }

    /** 0.072 → "7.2%". */
    static String percent(Double ratio) {
        return ratio == null ? "" : String.format(java.util.Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** ["绝缘轴承", "电机"] → "绝缘轴承、电机". */
    static String joined(java.util.List<String> words) {
        return words == null ? "" : String.join("、", words);
    }

    /** Label of a segment stage (UPSTREAM, MIDSTREAM, DOWNSTREAM) or of any enum value with a web.enum.* key. */
    static String label(Object code) {
        return code == null ? "" : Messages.get("web.enum." + name(code));
    }

    private static String name(Object code) {
        return code instanceof Enum<?> e ? e.name() : code.toString();
    }
}
