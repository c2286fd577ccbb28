package io.habeas.gateway.rest;

import java.util.List;

/** An error the gateway answers with, as RFC 9457 problem details. */
public class ApiProblem extends RuntimeException {

    /** One offending request parameter, named as the client sent it. */
    public record InvalidParam(String name, String reason) {
    }

    private final int status;
    private final String title;
    private final List<InvalidParam> invalidParams;

    public ApiProblem(int status, String title, String detail, List<InvalidParam> invalidParams) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.invalidParams = invalidParams == null ? List.of() : List.copyOf(invalidParams);
    }

    public static ApiProblem badParam(String name, String reason) {
        return new ApiProblem(400, "Bad request parameter", name + ": " + reason, List.of(new InvalidParam(name, reason)));
    }

    public static ApiProblem badParams(List<InvalidParam> params) {
        StringBuilder detail = new StringBuilder();
        for (InvalidParam p : params) {
            detail.append(detail.isEmpty() ? "" : "; ").append(p.name()).append(": ").append(p.reason());
        }
        return new ApiProblem(400, "Bad request parameters", detail.toString(), params);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<InvalidParam> invalidParams() {
        return invalidParams;
    }
}
