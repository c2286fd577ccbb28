package io.habeas.gateway.rest;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses query parameters a route does not take: a misspelt filter ({@code contry=RU}) would
 * otherwise be ignored and a dashboard would silently get everyone. The 400 names each unknown
 * parameter and lists the known ones.
 */
public class KnownParameters {
    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public Optional<Response> refuseUnknown(UriInfo uri, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return Optional.empty();
        }
        Set<String> accepted = known.computeIfAbsent(method, KnownParameters::queryParams);
        List<ProblemMappers.InvalidParam> unknown = uri.getQueryParameters().keySet().stream().sorted()
                .filter(name -> !accepted.contains(name))
                .map(name -> new ProblemMappers.InvalidParam(name, "is not a parameter of this request; known: "
                        + (accepted.isEmpty() ? "none" : String.join(", ", accepted))))
                .toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        String detail = unknown.size() == 1 ? "Unknown query parameter" : "Unknown query parameters";
        return Optional.of(ProblemMappers.problem(400, detail, detail + "; known: "
                + (accepted.isEmpty() ? "none" : String.join(", ", accepted)), Map.of("invalidParams", unknown)));
    }

    private static Set<String> queryParams(Method method) {
        Set<String> names = new TreeSet<>();
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof QueryParam q) {
                    names.add(q.value());
                }
            }
        }
        return names;
    }
}
