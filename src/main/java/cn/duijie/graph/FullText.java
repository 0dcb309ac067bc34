package cn.duijie.graph;

/** Makes user text safe as a Lucene full-text query (Neo4j full-text indexes parse Lucene syntax). */
public final class FullText {

    private static final String SPECIAL = "+-&|!(){}[]^\"~*?:\\/";

    private FullText() {
    }

    /** Every special character escaped; blank or null gives "". */
    public static String escape(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : text.strip().toCharArray()) {
            if (SPECIAL.indexOf(ch) >= 0) {
                sb.append('\\');
            }
            sb.append(ch);
        }
        String s = sb.toString();
        // AND, OR, NOT on their own are operators: lower-case them into plain words
        return java.util.regex.Pattern.compile("\\b(AND|OR|NOT)\\b").matcher(s).replaceAll(m -> m.group(1).toLowerCase());
    }
}
