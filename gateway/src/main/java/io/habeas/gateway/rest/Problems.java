package io.habeas.gateway.rest;

import io.grpc.Status;
import io.habeas.gateway.api.MissingSource;
import io.habeas.gateway.client.BackendException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error as RFC 9457 application/problem+json. gRPC codes map as conventions.md's table says;
 * an unexpected failure is a 500 problem without a stack trace (logged here instead).
 */
public class Problems {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(Problems.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem p) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (!p.invalidParams().isEmpty()) {
            extra.put("invalidParams", p.invalidParams());
        }
        return problem(p.status(), p.title(), p.getMessage(), extra);
    }

    @ServerExceptionMapper
    public Response backendsUnavailable(BackendsUnavailable e) {
        int status = e.timedOut() ? 504 : 503;
        return problem(status, e.timedOut() ? "Backends too slow" : "Backends unavailable",
                "No backend could answer: " + describe(e.missing()), Map.of("missing", e.missing()));
    }

    @ServerExceptionMapper
    public Response backend(BackendException e) {
        int status = httpStatus(e);
        String title = switch (status) {
            case 400 -> "Bad request";
            case 404 -> "Not found";
            case 503 -> "Backend unavailable";
            case 504 -> "Backend too slow";
            default -> "Backend error";
        };
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("service", e.backend().serviceName());
        if (e.unavailable()) {
            extra.put("missing", List.of(new MissingSource(e.backend().serviceName(), e.reason())));
        } else {
            extra.put("grpcCode", e.code().name());
        }
        return problem(status, title, e.getMessage(), extra);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = status == 404 ? "No such resource" : status == 405 ? "Method not allowed here"
                : status == 406 ? "Acceptable types: application/json, text/csv" : title;
        return problem(status, title, detail, Map.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        LOG.error("Unexpected failure", e);
        return problem(500, "Internal error", "The gateway failed unexpectedly; the failure was logged.", Map.of());
    }

    /** Maps a backend's failure to HTTP after conventions.md. */
    static int httpStatus(BackendException e) {
        return switch (e.kind()) {
            case TIMEOUT -> 504;
            case UNAVAILABLE, CIRCUIT_OPEN -> 503;
            case REJECTED -> httpStatus(e.code());
        };
    }

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

    private static String describe(List<MissingSource> missing) {
        StringBuilder sb = new StringBuilder();
        for (MissingSource m : missing) {
            sb.append(sb.isEmpty() ? "" : ", ").append(m.service()).append(" (").append(m.reason()).append(')');
        }
        return sb.toString();
    }

    public static Response problem(int status, String title, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", URI.create("about:blank"));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(extra);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
