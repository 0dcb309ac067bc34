package cn.duijie.common;

import java.util.List;

/** A failure a client can understand and act on; mapped to problem+json with its status. */
public class DomainException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;

    public DomainException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static DomainException notFound(String detail) {
        return new DomainException(404, "not-found", Messages.get("problem.not-found"), detail, List.of());
    }

    public static DomainException invalid(String detail, List<Problem.FieldError> errors) {
        return new DomainException(400, "validation", Messages.get("problem.validation"), detail, errors);
    }

    public static DomainException invalid(String field, String reason) {
        return invalid(reason, List.of(new Problem.FieldError(field, reason)));
    }

    public static DomainException conflict(String detail) {
        return new DomainException(409, "conflict", Messages.get("problem.conflict"), detail, List.of());
    }

    public static DomainException unprocessable(String detail, List<Problem.FieldError> errors) {
        return new DomainException(422, "unprocessable", Messages.get("problem.unprocessable"), detail, errors);
    }

    public static DomainException unavailable(String detail) {
        return new DomainException(503, "unavailable", Messages.get("problem.unavailable"), detail, List.of());
    }

    public Problem toProblem() {
        return new Problem("/problems/" + type, title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
