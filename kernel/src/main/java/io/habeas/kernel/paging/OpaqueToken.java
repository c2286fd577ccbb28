package io.habeas.kernel.paging;

import io.habeas.kernel.errors.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The one token format of every Habeas list and timeline: a query fingerprint and a list of
 * fields, URL-safe. A token is only good for the query that made it; clients treat it as opaque.
 */
public final class OpaqueToken {
    private static final String SEPARATOR = "\u001f";

    private OpaqueToken() {
    }

    public static String encode(QueryFingerprint query, List<String> fields) {
        for (String field : fields) {
            if (field.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a token field holds the separator");
            }
        }
        StringBuilder joined = new StringBuilder(query.value());
        fields.forEach(field -> joined.append(SEPARATOR).append(field));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The fields of a token made for this query, or null for an absent token (the first page).
     * INVALID_ARGUMENT naming {@code field} for anything else.
     */
    public static List<String> decode(String token, QueryFingerprint query, String field) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            throw InvalidArgumentException.of(field, "is not a token this API issued");
        }
        if (parts[0].isEmpty()) {
            throw InvalidArgumentException.of(field, "is not a token this API issued");
        }
        if (!parts[0].equals(query.value())) {
            throw InvalidArgumentException.of(field,
                    "was issued for a different query; send the same filters as the first page");
        }
        return Arrays.asList(parts).subList(1, parts.length);
    }
}
