package cn.duijie.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/** A JSON value that parsed but that Duijie refuses (NUL byte, out-of-range number or date), with the reason to show. */
public class RefusedJsonValue extends InvalidFormatException {

    private final String reason;

    public RefusedJsonValue(JsonParser p, String reason, Object value, Class<?> type) {
        super(p, reason, value, type);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
