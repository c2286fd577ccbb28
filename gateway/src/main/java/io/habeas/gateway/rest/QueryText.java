package io.habeas.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.habeas.kernel.text.HumanText;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every query parameter of an /api request from the raw query string before anything else
 * does, so that text no person typed is a problem+json 400 naming the parameter: broken percent
 * encoding (which Vert.x would answer with an empty 400), bytes that are not UTF-8 (a percent-encoded
 * lone surrogate), control characters, bidi controls and the rest of the kernel's rule for a line, and
 * values or queries too long to be a dashboard's. A path segment that does not decode is a 400 naming
 * its path parameter.
 */
@ApplicationScoped
public class QueryText {

    static final int MAX_VALUE = 4096;
    static final int MAX_PARAMETERS = 50;
    /** Runs before authentication and every route. */
    private static final int PRIORITY = 2000;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext rc) {
        if (!rc.request().path().startsWith("/api/")) {
            rc.next();
            return;
        }
        Optional<ProblemMappers.InvalidParam> bad = pathProblem(rc.request().path()).or(() -> problem(rc.request().query()));
        if (bad.isEmpty()) {
            rc.next();
            return;
        }
        try {
            rc.response().setStatusCode(400).putHeader("Content-Type", ProblemMappers.PROBLEM_JSON)
                    .end(json.writeValueAsString(ProblemMappers.body(400, "Bad request parameter",
                            "A query parameter " + bad.get().reason() + "; invalidParams names it", Map.of("invalidParams", List.of(bad.get())))));
        } catch (JsonProcessingException e) {
            rc.fail(e);
        }
    }

    /** A path segment that is not percent-encoded UTF-8, named as the path parameter it would be. */
    static Optional<ProblemMappers.InvalidParam> pathProblem(String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String error = decode(segments[i].replace("+", "%2B")).error();
            if (error != null) {
                return Optional.of(new ProblemMappers.InvalidParam(pathParameter(segments, i), error));
            }
        }
        return Optional.empty();
    }

    /** The path parameter segment i of /api/v1/... is, as the routes name it; "path" for any other segment. */
    static String pathParameter(String[] segments, int i) {
        String collection = i >= 1 ? segments[i - 1] : "";
        if (i == 4) {
            return PATH_PARAMETERS.getOrDefault(collection, "path");
        }
        return i == 6 && segments[3].equals("detentions") ? PATH_PARAMETERS.getOrDefault(collection, "path") : "path";
    }

    /** Each collection of the routes and the name of the id after it. */
    private static final Map<String, String> PATH_PARAMETERS = Map.of("persons", "personId", "countries", "countryCode",
            "detentions", "detentionId", "custody-events", "eventId", "charges", "chargeId", "statements", "statementId",
            "actors", "actorId");

    /** The first parameter whose raw text is unfit, if any. */
    static Optional<ProblemMappers.InvalidParam> problem(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        int count = 0;
        for (String pair : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            Decoded name = decode(eq < 0 ? pair : pair.substring(0, eq));
            Decoded value = decode(eq < 0 ? "" : pair.substring(eq + 1));
            Optional<String> reason = ++count > MAX_PARAMETERS ? Optional.of("is one parameter too many; at most "
                    + MAX_PARAMETERS + " are read")
                    : name.error() != null ? Optional.of("has a name that " + name.error())
                    : value.error() != null ? Optional.of(value.error())
                    : name.text().length() > 100 ? Optional.of("has a name longer than 100 characters")
                    : value.text().length() > MAX_VALUE ? Optional.of("is longer than " + MAX_VALUE + " characters")
                    : HumanText.problem(name.text(), HumanText.Shape.LINE).map(p -> "has a name that " + p)
                            .or(() -> value.text().isBlank() ? Optional.empty()
                                    : HumanText.problem(value.text(), HumanText.Shape.LINE));
            if (reason.isPresent()) {
                return Optional.of(new ProblemMappers.InvalidParam(name.text(), reason.get()));
            }
        }
        return Optional.empty();
    }

    /** The text, or why it is none; on error the text is a lenient decoding, fit only to name a parameter. */
    record Decoded(String text, String error) {
    }

    static Decoded decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        String error = null;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int hi = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int lo = hi < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (lo < 0) {
                    error = error == null ? "is not percent-encoded: % must be followed by two hex digits" : error;
                    bytes.write('%');
                    continue;
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < raw.length()
                    && Character.isLowSurrogate(raw.charAt(i + 1)))) {
                error = error == null ? "is not UTF-8 text (a lone surrogate)" : error;
            } else {
                int cp = raw.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
            }
        }
        byte[] all = bytes.toByteArray();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(all)).toString();
            return new Decoded(text, error);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(all, StandardCharsets.UTF_8),
                    error == null ? "is not UTF-8 text (a lone surrogate or a broken byte sequence)" : error);
        }
    }
}
