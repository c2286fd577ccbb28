package io.habeas.kernel.paging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * What a page token is bound to: a digest of the list's name and each filter that shapes it,
 * named explicitly so that a token cannot be replayed against other filters. A null filter and
 * an empty one are different; each value is length-prefixed, so no two queries collide by
 * concatenation.
 */
public record QueryFingerprint(String value) {

    public static QueryFingerprint of(String list, Object... filters) {
        StringBuilder text = new StringBuilder();
        append(text, list);
        for (Object filter : filters) {
            append(text, filter);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return new QueryFingerprint(HexFormat.of().formatHex(digest, 0, 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void append(StringBuilder text, Object value) {
        if (value == null) {
            text.append("-;");
        } else if (value instanceof Collection<?> values) {
            text.append('[').append(values.size()).append(';');
            values.forEach(v -> append(text, v));
        } else {
            String s = value.toString();
            text.append(s.length()).append(':').append(s).append(';');
        }
    }
}
