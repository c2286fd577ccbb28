package io.habeas.gateway.rest;

import io.grpc.Status;
import io.habeas.gateway.client.BackendException;
import io.habeas.gateway.client.BackendsUnavailable;
import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import io.habeas.kernel.errors.NotFoundException;
import io.habeas.kernel.errors.PermissionDeniedException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error as RFC 9457 application/problem+json: the domain's exceptions from the layers
 * below, and JAX-RS's own. A backend's failure maps to HTTP as {@link #httpStatus(BackendException)}
 * says (the table in gateway/README.md, "Errors"); an unexpected failure is a 500 problem without
 * a stack trace (logged here instead). Every problem names the request's trace in {@code traceId}.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** One offending request parameter, named as the client sent it. */
    public record InvalidParam(String name, String reason) {
    }

    @ServerExceptionMapper
    public Response invalidArgument(InvalidArgumentException e) {
        List<FieldViolation> violations = e.violations();
        String detail = violations.stream().map(v -> v.field() + ": " + v.description()).collect(Collectors.joining("; "));
        List<InvalidParam> params = violations.stream().map(v -> new InvalidParam(v.field(), v.description())).toList();
        return problem(400, violations.size() == 1 ? "Bad request parameter" : "Bad request parameters", detail,
                Map.of("invalidParams", params));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(404, "Not found", e.getMessage(), Map.of());
    }

    @ServerExceptionMapper
    public Response backendsUnavailable(BackendsUnavailable e) {
        String sources = e.missing().stream().map(m -> m.service() + " (" + m.reason() + ")")
                .collect(Collectors.joining(", "));
        return problem(e.timedOut() ? 504 : 503, e.timedOut() ? "Backends too slow" : "Backends unavailable",
                "No backend could answer: " + sources, Map.of("missing", e.missing()));
    }

    /**
     * A backend's failure in the gateway's own words: never the backend's description, which may quote
     * what was sent. A rejection of the request names the gateway parameters it came from (a 400
     * naming none would blame the client for the gateway's request: that is a 502).
     */
    @ServerExceptionMapper
    public Response backend(BackendException e, UriInfo uri) {
        int status = httpStatus(e);
        String service = e.backend().serviceName();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("service", service);
        if (e.unavailable()) {
            extra.put("missing", List.of(e.missingSource()));
        } else {
            extra.put("grpcCode", e.code().name());
        }
        if (status == 400) {
            Set<String> sent = new HashSet<>(uri.getPathParameters().keySet());
            sent.addAll(uri.getQueryParameters().keySet());
            List<InvalidParam> params = BackendFields.params(e.getCause(), sent, service);
            if (params.isEmpty()) {
                LOG.warnf("%s refused a request of the gateway with %s", service, e.code());
                status = 502;
            } else {
                extra.put("invalidParams", params);
            }
        }
        String title = switch (status) {
            case 400 -> "Bad request parameter";
            case 404 -> "Not found";
            case 503 -> "Backend unavailable";
            case 504 -> "Backend too slow";
            default -> "Backend error";
        };
        String detail = switch (e.kind()) {
            case TIMEOUT -> service + " did not answer within its deadline";
            case UNAVAILABLE -> service + " could not answer";
            case CIRCUIT_OPEN -> service + " is not called for a while after repeated failures";
            case BAD_ANSWER -> e.getMessage();
            case REJECTED -> status == 400 ? service + " did not accept the parameters named in invalidParams"
                    : service + " refused the request (" + e.code().name() + ")";
        };
        return problem(status, title, detail, extra);
    }

    /** A live stream past its caller's or this instance's cap. */
    @ServerExceptionMapper
    public Response tooManyStreams(io.habeas.gateway.live.TooManyStreams e) {
        return Response.fromResponse(problem(429, "Too many live streams", e.getMessage(), Map.of()))
                .header(HttpHeaders.RETRY_AFTER, 30).build();
    }

    /** No bearer token, or one that fails verification (signature, issuer, audience, expiry): 401 with the challenge. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e) {
        return Response.fromResponse(problem(401, "Unauthorized",
                "A valid bearer token is required: Authorization: Bearer <token>", Map.of()))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** A verified caller whose roles do not allow the route. */
    @ServerExceptionMapper({ForbiddenException.class, PermissionDeniedException.class})
    public Response forbidden(RuntimeException e) {
        return problem(403, "Forbidden", "The caller's role does not allow this request", Map.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = status == 404 ? "No such resource" : status == 405 ? "Method not allowed here"
                : status == 406 ? "Acceptable types: application/json, text/csv" : title;
        return problem(status, title, detail, Map.of());
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return problem(500, "Internal error", "The gateway failed unexpectedly; the failure was logged.", Map.of());
    }

    /**
     * A backend's failure as HTTP: too slow 504; down or its circuit open 503; an answer that breaks
     * the contract 502 (the backend's fault, not the request's); a rejection of the request by its gRPC code.
     */
    static int httpStatus(BackendException e) {
        return switch (e.kind()) {
            case TIMEOUT -> 504;
            case UNAVAILABLE, CIRCUIT_OPEN -> 503;
            case BAD_ANSWER -> 502;
            case REJECTED -> httpStatus(e.code());
        };
    }

    /** A backend's rejection by its gRPC code: the request's fault as 4xx, the backend's as 5xx; any other code 502. */
    static int httpStatus(Status.Code code) {
        return switch (code) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> 400;
            case NOT_FOUND -> 404;
            case ALREADY_EXISTS, ABORTED -> 409;
            case FAILED_PRECONDITION -> 409;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case RESOURCE_EXHAUSTED -> 429;
            case DEADLINE_EXCEEDED -> 504;
            case UNAVAILABLE -> 503;
            default -> 502;
        };
    }

    public static Response problem(int status, String title, String detail, Map<String, Object> extra) {
        return Response.status(status).type(PROBLEM_JSON).entity(body(status, title, detail, extra)).build();
    }

    /** A problem's members, with the trace id of the request so that an operator finds its log lines and spans. */
    public static Map<String, Object> body(int status, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create("about:blank"));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extra);
        SpanContext trace = Span.current().getSpanContext();
        if (trace.isValid()) {
            body.put("traceId", trace.getTraceId());
        }
        return body;
    }
}
