package cn.duijie.common;

/** An embedded engine could not be brought up; the service exits non-zero with this message instead of half-starting. */
public class EngineStartException extends RuntimeException {

    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public EngineStartException(String message) {
        super(message);
    }
}
