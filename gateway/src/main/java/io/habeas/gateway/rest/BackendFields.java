package io.habeas.gateway.rest;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import io.grpc.protobuf.StatusProto;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A backend's INVALID_ARGUMENT as the client's request: each field path of its BadRequest becomes
 * the gateway parameter the field came from, never the backend's own path or words (which may quote
 * what was sent). A field no parameter of this request fed is the gateway's mistake, not the client's.
 */
final class BackendFields {

    /** The last segment of a backend field path, and the gateway parameters that may have fed it. */
    private static final Map<String, List<String>> SOURCES = Map.ofEntries(
            Map.entry("query", List.of("q")),
            Map.entry("page_token", List.of("cursor")),
            Map.entry("start", List.of("from")),
            Map.entry("end", List.of("to")),
            Map.entry("date_range", List.of("from", "to")),
            Map.entry("article_limit", List.of("articles")),
            Map.entry("detaining_country", List.of("countryCode", "country", "detainingCountry")),
            Map.entry("caller", List.of("callerActor")),
            Map.entry("caller_country", List.of("callerCountry")),
            Map.entry("scope", List.of("detainingCountry", "callerActor", "callerCountry")),
            Map.entry("country", List.of("countryCode", "country")),
            Map.entry("name", List.of("personId", "detentionId", "eventId", "chargeId", "statementId", "actorId")),
            Map.entry("as_of", List.of("asOf")),
            Map.entry("external_id", List.of("externalId")),
            Map.entry("scheme", List.of("externalId")),
            Map.entry("value", List.of("externalId")),
            Map.entry("person", List.of("personId")),
            Map.entry("persons", List.of("personId")),
            Map.entry("parent", List.of("personId")));

    private BackendFields() {
    }

    /** The request's parameters the backend's violations point at; empty when none does. */
    static List<ProblemMappers.InvalidParam> params(Throwable grpcFailure, Set<String> sent, String service) {
        com.google.rpc.Status status = grpcFailure == null ? null : StatusProto.fromThrowable(grpcFailure);
        if (status == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (Any detail : status.getDetailsList()) {
            if (!detail.is(BadRequest.class)) {
                continue;
            }
            try {
                for (BadRequest.FieldViolation v : detail.unpack(BadRequest.class).getFieldViolationsList()) {
                    String field = v.getField().replaceAll("\\[\\d+]", "");
                    String last = field.substring(field.lastIndexOf('.') + 1);
                    SOURCES.getOrDefault(last, List.of()).stream().filter(sent::contains).forEach(names::add);
                }
            } catch (InvalidProtocolBufferException e) {
                return List.of();
            }
        }
        List<ProblemMappers.InvalidParam> out = new ArrayList<>();
        names.forEach(n -> out.add(new ProblemMappers.InvalidParam(n, "is not accepted by " + service)));
        return out;
    }
}
