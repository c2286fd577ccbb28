package io.habeas.suite.transfer;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Whom a bearer token names, read from its payload without verifying it (the service does that):
 * batch ids are derived from it too, since the service refuses a batch id another caller used.
 */
final class TokenSubject {
    private TokenSubject() {
    }

    /** The token's upn or sub claim; the token itself when it is no JWT with either. */
    static String of(String token) {
        String[] parts = token.split("\\.");
        if (parts.length == 3) {
            try (JsonReader reader = Json.createReader(new StringReader(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
                JsonObject claims = reader.readObject();
                String subject = claims.getString("upn", claims.getString("sub", ""));
                if (!subject.isEmpty()) {
                    return subject;
                }
            } catch (IllegalArgumentException | JsonException | ClassCastException notAJwt) {
                // fall through: the token as given
            }
        }
        return token;
    }
}
