package cn.duijie.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

/** The one place where exceptions become application/problem+json responses. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    public static Problem problem(int status, String type, String title, String detail) {
        return new Problem("/problems/" + type, title, status, detail, List.of());
    }

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        if (e.getCause() instanceof DomainException d) {
            // a parameter converter (EnumParams) or a sub-resource said what was wrong
            return domain(d);
        }
        if (e.getCause() != null) {
            // JAX-RS answers 404 when a query parameter cannot be converted (page=abc); the client sent bad input
            return respond(problem(400, "bad-parameter", Messages.get("problem.bad-request"),
                    Messages.get("detail.bad-parameter", uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery())));
        }
        return respond(problem(404, "not-found", Messages.get("problem.not-found"), Messages.get("detail.path-not-found", uri.getPath())));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        Response.ResponseBuilder b = Response.status(405).type(Problem.MEDIA_TYPE)
                .entity(problem(405, "method-not-allowed", Messages.get("problem.method"),
                        Messages.get("detail.method-not-allowed", uri.getPath(), request.getMethod())));
        e.getResponse().getAllowedMethods().forEach(m -> b.header("Allow", m));
        return b.build();
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, jakarta.ws.rs.core.HttpHeaders headers) {
        String type = headers.getMediaType() == null ? Messages.get("detail.media-type.none") : headers.getMediaType().toString();
        return respond(problem(415, "unsupported-media-type", Messages.get("problem.media-type"),
                Messages.get("detail.media-type", type)));
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return respond(problem(406, "not-acceptable", Messages.get("problem.not-acceptable"),
                Messages.get("detail.not-acceptable")));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        int col = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
        return respond(problem(400, "malformed-json", Messages.get("problem.malformed-json"),
                Messages.get("detail.malformed-json", line, col)));
    }

    @ServerExceptionMapper
    public Response badJsonValue(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        if (field.isEmpty()) {
            return respond(problem(400, "malformed-json", Messages.get("problem.malformed-json"),
                    Messages.get("detail.json-body")));
        }
        String reason = e instanceof RefusedJsonValue r ? Messages.get("json.field-refused", field, r.reason())
                : Messages.get("detail.json-field", field);
        return respond(new Problem("/problems/validation", Messages.get("problem.validation"), 400, reason,
                List.of(new Problem.FieldError(field, reason))));
    }

    /** More specific than JsonMappingException, so it wins over Quarkus' own mapper for this type. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException f && f.getTargetType() != null
                && f.getTargetType().isEnum() && !f.getPath().isEmpty()) {
            String field = f.getPath().get(f.getPath().size() - 1).getFieldName();
            String allowed = java.util.Arrays.stream(f.getTargetType().getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(" / "));
            String reason = Messages.get("enum.allowed", String.valueOf(f.getValue()), allowed);
            return respond(new Problem("/problems/validation", Messages.get("problem.validation"), 400, reason,
                    List.of(new Problem.FieldError(field == null ? "" : field, reason))));
        }
        return badJsonValue(e);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e) {
        return respond(problem(400, "malformed-json", Messages.get("problem.malformed-json"),
                Messages.get("detail.json-body")));
    }

    /** The multipart parser's failure on a body that does not match its declared boundary: the client's bytes. */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e) {
        if (e.getMessage() != null && e.getMessage().contains("multipart")) {
            return respond(problem(400, "malformed-multipart", Messages.get("problem.bad-request"), Messages.get("detail.bad-multipart")));
        }
        return internal(e);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return respond(new Problem("/problems/validation", Messages.get("problem.validation"), 400,
                Messages.get("detail.validation", errors.size()), errors));
    }

    /** Drops the method and parameter nodes of a constraint path: "post.body.title" -> "title", "list.size" -> "size". */
    static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> names.add(node.getName());
                default -> names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        if (names.size() > 1) {
            // a property of a body or @BeanParam parameter: the client knows the property, not our parameter's name
            names.remove(0);
        }
        return String.join(".", names);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        int status = e.getResponse().getStatus();
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof JsonParseException p) {
                return malformedJson(p);
            }
            if (c instanceof JsonMappingException m) {
                return badJsonValue(m);
            }
            if (c instanceof JsonProcessingException j) {
                return otherJson(j);
            }
        }
        if (status == 413) {
            return respond(bodyLimits().tooLarge(request.getMethod(), uri.getPath()));
        }
        if (status >= 500) {
            return internal(e);
        }
        String detail = e.getMessage() == null ? "" : Messages.get("detail.bad-request", e.getMessage());
        return respond(problem(status, "bad-request", Messages.get("problem.bad-request"), detail));
    }

    private static BodyLimits bodyLimits() {
        return io.quarkus.arc.Arc.container().instance(BodyLimits.class).get();
    }

    /** Unique and foreign-key violations, deadlock and serialization failures: two requests collided in PostgreSQL. */
    private static final java.util.Set<String> CONFLICT_STATES = java.util.Set.of("23505", "23503", "40P01", "40001");

    /** The reason for a store conflict: constraint.&lt;name&gt; from the bundle, by the constraint's name, else a general one. */
    static String conflictReason(io.vertx.pgclient.PgException pg) {
        String key = "constraint." + pg.getConstraint();
        return pg.getConstraint() != null && Messages.has(key) ? Messages.get(key) : Messages.get("constraint.other");
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        if (e instanceof DomainException d) {
            return domain(d);
        }
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof io.vertx.pgclient.PgException pg && CONFLICT_STATES.contains(pg.getSqlState())) {
                return respond(problem(409, "conflict", Messages.get("problem.conflict"), conflictReason(pg)));
            }
        }
        java.util.Optional<DomainException> fromStore = StoreErrors.translate(e);
        if (fromStore.isPresent()) {
            return domain(fromStore.get());
        }
        var outage = EngineOutage.of(e);
        if (outage.isPresent()) {
            LOG.warnf("%s unreachable: %s", outage.get(), e.toString());
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "10")
                    .entity(problem(503, "unavailable", Messages.get("problem.unavailable"), outage.get().reason())).build();
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unhandled error, reference %s", ref);
        return respond(problem(500, "internal", Messages.get("problem.internal"), Messages.get("detail.internal", ref)));
    }
}
