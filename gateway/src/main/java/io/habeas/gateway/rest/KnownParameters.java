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
 * parameter and lists the known ones. A parameter that takes one value, sent more than once, is a
 * 400 too: which one would count is nobody's guess.
 */
public class KnownParameters {
    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();
    private final Map<Method, Set<String>> repeatable = new ConcurrentHashMap<>();

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
            Set<String> lists = repeatable.computeIfAbsent(method, KnownParameters::listParams);
            List<ProblemMappers.InvalidParam> repeated = uri.getQueryParameters().entrySet().stream()
                    .filter(e -> e.getValue().size() > 1 && !lists.contains(e.getKey())).map(Map.Entry::getKey).sorted()
                    .map(name -> new ProblemMappers.InvalidParam(name, "must be given once")).toList();
            return repeated.isEmpty() ? Optional.empty()
                    : Optional.of(ProblemMappers.problem(400, "Repeated query parameter", "A parameter that takes one "
                            + "value was given more than once; invalidParams names it", Map.of("invalidParams", repeated)));
        }
        String detail = unknown.size() == 1 ? "Unknown query parameter" : "Unknown query parameters";
        return Optional.of(ProblemMappers.problem(400, detail, detail + "; known: "
                + (accepted.isEmpty() ? "none" : String.join(", ", accepted)), Map.of("invalidParams", unknown)));
    }

    /** The query parameters that take several values (a List), such as kind and role. */
    private static Set<String> listParams(Method method) {
        Set<String> names = new TreeSet<>();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof QueryParam q && List.class.isAssignableFrom(method.getParameterTypes()[i])) {
                    names.add(q.value());
                }
            }
        }
        return names;
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
