package io.habeas.support.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens verified once, then trusted until they expire: a person's timeline costs eight calls with
 * one token, and each verification (an RSA signature, the claims parsed) was a twentieth of a service's
 * CPU. Only a token that passed verification is kept, under its whole text, so a token differing in any
 * character is verified afresh; a kept one is dropped at its own expiry, with no clock skew added, and at
 * the latest after {@link #LONGEST}, so that a change of the verification key reaches every token within
 * that time.
 */
public final class VerifiedTokens {

    /** Full verification of one token: the token it stands for, or why it is refused. */
    @FunctionalInterface
    public interface Verification {
        JsonWebToken verify(String token) throws ParseException;
    }

    static final Duration LONGEST = Duration.ofMinutes(5);
    /**
     * Far above the callers a service has at once, and a few MB at most (a kept token with its claims is a few
     * KB); past it the least used are verified again.
     */
    static final int MOST = 1_000;

    private static final AtomicLong VERIFICATIONS = new AtomicLong();

    private final Cache<String, JsonWebToken> verified = Caffeine.newBuilder().maximumSize(MOST)
            .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> timeLeft(jwt))).build();

    /** The token as verified earlier and not yet expired, or as {@code verification} finds it now. */
    public JsonWebToken verify(String token, Verification verification) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && Instant.now().getEpochSecond() < known.getExpirationTime()) {
            return known;
        }
        JsonWebToken jwt = verification.verify(token);
        VERIFICATIONS.incrementAndGet();
        if (jwt.getExpirationTime() > 0) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How many tokens this process has verified in full: a test counts it to see the rest were kept. */
    public static long verifications() {
        return VERIFICATIONS.get();
    }

    private static Duration timeLeft(JsonWebToken jwt) {
        Duration left = Duration.between(Instant.now(), Instant.ofEpochSecond(jwt.getExpirationTime()));
        return left.isNegative() ? Duration.ZERO : left.compareTo(LONGEST) > 0 ? LONGEST : left;
    }
}
