package io.habeas.support.paging;

import io.habeas.support.errors.InvalidArgumentException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Opaque keyset cursors. A token carries the sort key of the last item served and a hash
 * of the query that made it, so a token cannot be replayed against other filters.
 */
public final class PageToken {
    private static final String SEPARATOR = "\u001f";

    private PageToken() {
    }

    /** The sort key after which the next page starts, or null for the first page. */
    public static List<String> decode(String token, String query) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            throw InvalidArgumentException.of("page_token", "is not a token this service issued");
        }
        if (parts.length < 2 || !parts[0].equals(fingerprint(query))) {
            throw InvalidArgumentException.of("page_token",
                    "was issued for a different query; send the same filters as the first page");
        }
        return Arrays.asList(parts).subList(1, parts.length);
    }

    public static String encode(String query, String... key) {
        String joined = fingerprint(query) + SEPARATOR + String.join(SEPARATOR, key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprint(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
