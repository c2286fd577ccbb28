package io.habeas.gateway.rest;

import io.habeas.kernel.errors.InvalidArgumentException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * format=csv or format=json; without it, Accept decides (CSV only when asked for before JSON). A
 * timeline, and the release-outcome list, has a JSON method and a streamed CSV method: this filter sets Accept to the one chosen,
 * so that JAX-RS matching picks it; a bad format goes to the JSON method, which names it in a 400.
 */
public class Formats {

    public static final String CSV = "text/csv";

    @ServerRequestFilter(preMatching = true)
    public void choose(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.endsWith("/timeline") && !path.endsWith("/release-outcomes")) {
            return;
        }
        List<String> format = request.getUriInfo().getQueryParameters().get("format");
        boolean csv;
        try {
            csv = csv(format == null || format.size() != 1 ? null : format.get(0), request.getAcceptableMediaTypes());
        } catch (InvalidArgumentException e) {
            csv = false;
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, csv ? CSV : MediaType.APPLICATION_JSON);
    }

    /** Checks the format parameter; true for CSV. */
    static boolean csv(String format, List<MediaType> acceptable) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw InvalidArgumentException.of("format", "must be json or csv");
            };
        }
        for (MediaType type : acceptable) {
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
