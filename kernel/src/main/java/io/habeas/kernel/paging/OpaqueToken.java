package io.habeas.kernel.paging;

import io.habeas.kernel.errors.InvalidArgumentException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The one token format of every Habeas list and timeline: a query fingerprint, the time it was
 * issued and a list of fields, sealed with AES-256-GCM under the server key ({@link TokenKeys}),
 * URL-safe. Clients can neither read nor change one; a token is only good for the query that
 * made it, and only for the key's lifetime.
 */
public final class OpaqueToken {
    private static final String SEPARATOR = "\u001f";
    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private OpaqueToken() {
    }

    public static String encode(QueryFingerprint query, List<String> fields) {
        for (String field : fields) {
            if (field.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a token field holds the separator");
            }
        }
        TokenKeys.Settings keys = TokenKeys.current();
        StringBuilder joined = new StringBuilder(query.value()).append(SEPARATOR).append(keys.clock().millis());
        fields.forEach(field -> joined.append(SEPARATOR).append(field));
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed;
        try {
            sealed = cipher(Cipher.ENCRYPT_MODE, keys, nonce, joined.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a page token", e);
        }
        byte[] token = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        return BASE64.encodeToString(token);
    }

    /**
     * The fields of a token made for this query, or null for an absent token (the first page).
     * INVALID_ARGUMENT naming {@code field} for anything else: a text that does not open with the
     * server key, a token of another query, or one older than the lifetime.
     */
    public static List<String> decode(String token, QueryFingerprint query, String field) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        TokenKeys.Settings keys = TokenKeys.current();
        String[] parts = open(token.strip(), keys, field).split(SEPARATOR, -1);
        if (parts.length < 2 || parts[0].isEmpty()) {
            throw notIssued(field);
        }
        Instant issued;
        try {
            issued = Instant.ofEpochMilli(Long.parseLong(parts[1]));
        } catch (NumberFormatException e) {
            throw notIssued(field);
        }
        if (issued.plus(keys.lifetime()).isBefore(keys.clock().instant())) {
            throw InvalidArgumentException.of(field, "has expired; start again from the first page");
        }
        if (!parts[0].equals(query.value())) {
            throw InvalidArgumentException.of(field,
                    "was issued for a different query or caller; send the same filters as the first page, as the same caller");
        }
        return Arrays.asList(parts).subList(2, parts.length);
    }

    /** The plain text of a token sealed with the server key. */
    private static String open(String token, TokenKeys.Settings keys, String field) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw notIssued(field);
        }
        // Only the spelling encode writes: padding or unused trailing bits would let a changed text pass.
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8 || !BASE64.encodeToString(bytes).equals(token)) {
            throw notIssued(field);
        }
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, keys, Arrays.copyOf(bytes, NONCE_BYTES),
                    Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw notIssued(field);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a page token", e);
        }
    }

    /** AES-GCM one way or the other; AEADBadTagException when a sealed text fails its check. */
    private static byte[] cipher(int mode, TokenKeys.Settings keys, byte[] nonce, byte[] input) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(CIPHER);
        cipher.init(mode, keys.key(), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher.doFinal(input);
    }

    private static InvalidArgumentException notIssued(String field) {
        return InvalidArgumentException.of(field, "is not a token this API issued");
    }
}
