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
        if (e.getCause() != null && !(e.getCause() instanceof DomainException)) {
            // JAX-RS answers 404 when a query parameter cannot be converted (page=abc); the client sent bad input
            return respond(problem(400, "bad-parameter", Messages.get("problem.bad-request"),
                    Messages.get("detail.bad-parameter", uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery())));
        }
        String detail = e.getCause() instanceof DomainException d ? d.getMessage()
                : Messages.get("detail.path-not-found", uri.getPath());
        return respond(problem(404, "not-found", Messages.get("problem.not-found"), detail));
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
        String type = headers.getMediaType() == null ? "(无)" : headers.getMediaType().toString();
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

    /** Drops the method and parameter-position nodes of a parameter constraint: "post.arg0.title" -> "title". */
    static String fieldName(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> names.add(node.getName());
                default -> names.add(node.getIndex() != null ? node.getName() + "[" + node.getIndex() + "]" : node.getName());
            }
        }
        if (names.size() > 1 && isBodyParameter(names.get(0))) {
            names.remove(0);
        }
        return String.join(".", names);
    }

    private static boolean isBodyParameter(String name) {
        return name.equals("body") || name.equals("request") || name.startsWith("arg");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
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
            return respond(problem(413, "payload-too-large", Messages.get("problem.too-large"),
                    Messages.get("detail.too-large", "")));
        }
        if (status >= 500) {
            return internal(e);
        }
        String detail = e.getMessage() == null ? "" : Messages.get("detail.bad-request", e.getMessage());
        return respond(problem(status, "bad-request", Messages.get("problem.bad-request"), detail));
    }

    @ServerExceptionMapper
    public Response internal(Throwable e) {
        if (e instanceof DomainException d) {
            return domain(d);
        }
        java.util.Optional<DomainException> fromStore = StoreErrors.translate(e);
        if (fromStore.isPresent()) {
            return domain(fromStore.get());
        }
        String ref = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unhandled error, reference %s", ref);
        return respond(problem(500, "internal", Messages.get("problem.internal"), Messages.get("detail.internal", ref)));
    }
}
