package io.habeas.gateway.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.habeas.gateway.rest.ApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gateway cursor: for every source of the merge, the backend page token it last fetched from
 * and how many items of that page were already consumed (shown or skipped), or that the source is
 * done, or missing for the rest of the walk. Bound to the query (q, a digest of path and filters)
 * and to the backend page size (b) that makes the counts meaningful. Sent as base64url JSON.
 */
public record Cursor(int v, String q, int b, Map<String, State> s) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Status { ACTIVE, DONE, MISSING }

    /** t: page token ("" for the first page), c: items of that page consumed, x: status, r: why missing. */
    public record State(String t, int c, Status x, String r) {
    }

    public static Cursor start(String query, int backendPageSize) {
        return new Cursor(1, query, backendPageSize, new LinkedHashMap<>());
    }

    public State state(String sourceId) {
        return s.getOrDefault(sourceId, new State("", 0, Status.ACTIVE, null));
    }

    public String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a cursor made for this query; a 400 naming "cursor" when it is not one. */
    public static Cursor decode(String text, String query, int backendPageSize) {
        if (text == null || text.isBlank()) {
            return start(query, backendPageSize);
        }
        Cursor cursor;
        try {
            cursor = JSON.readValue(Base64.getUrlDecoder().decode(text.trim()), Cursor.class);
        } catch (Exception e) {
            throw ApiProblem.badParam("cursor", "is not a cursor this API issued");
        }
        if (cursor.v() != 1 || cursor.s() == null || cursor.b() <= 0) {
            throw ApiProblem.badParam("cursor", "is not a cursor this API issued");
        }
        if (!query.equals(cursor.q())) {
            throw ApiProblem.badParam("cursor", "belongs to another query: keep the filters of the first page");
        }
        for (State st : cursor.s().values()) {
            if (st == null || st.x() == null || st.t() == null || st.c() < 0) {
                throw ApiProblem.badParam("cursor", "is not a cursor this API issued");
            }
        }
        return cursor;
    }

    /** A short digest of a query's identity, so that a cursor cannot be replayed on another query. */
    public static String digest(String query) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
