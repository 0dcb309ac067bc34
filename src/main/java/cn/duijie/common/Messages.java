package cn.duijie.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * User-facing text (Chinese first) from the i18n/messages bundle. A missing key is a programming error: it throws, and
 * MessagesBundleTest fails the build when code names a key the bundle lacks.
 */
public final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n.messages", Locale.ROOT);
    private static final java.util.concurrent.ConcurrentMap<String, MessageFormat> FORMATS = new java.util.concurrent.ConcurrentHashMap<>();

    private Messages() {
    }

    /** The message for key, formatted with args; throws MissingResourceException for a key the bundle lacks. */
    public static String get(String key, Object... args) {
        if (args.length == 0) {
            return BUNDLE.getString(key);
        }
        // parsed once per key (reasons are formatted for every scored candidate); a MessageFormat is not thread-safe,
        // so each use formats with a copy
        MessageFormat parsed = FORMATS.computeIfAbsent(key, k -> new MessageFormat(BUNDLE.getString(k), Locale.ROOT));
        return ((MessageFormat) parsed.clone()).format(args);
    }

    /** Whether the bundle has key (for texts chosen at run time, e.g. per enum constant). */
    public static boolean has(String key) {
        return BUNDLE.containsKey(key);
    }
}
