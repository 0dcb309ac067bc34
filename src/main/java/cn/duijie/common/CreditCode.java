package cn.duijie.common;

/** 统一社会信用代码 (GB 32100-2015): 18 characters, the last a check character over the first 17. */
public final class CreditCode {

    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    public static boolean isValid(String code) {
        return explain(code) == null;
    }

    /** The check character for the first 17 characters (which must come from the code's character set). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("character not allowed: " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    /** Null when the code is valid, else a reason a person understands (Chinese). */
    public static String explain(String code) {
        if (code == null || code.isBlank()) {
            return Messages.get("credit-code.missing");
        }
        if (code.length() != 18) {
            return Messages.get("credit-code.length", code.length());
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(code.charAt(i)) < 0) {
                return Messages.get("credit-code.character", i + 1, code.charAt(i));
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return Messages.get("credit-code.check", code.charAt(17), expected);
        }
        return null;
    }
}
