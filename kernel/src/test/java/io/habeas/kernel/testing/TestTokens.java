package io.habeas.kernel.testing;

import io.habeas.kernel.access.Role;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Bearer tokens for the applications' tests, signed with the committed test-only key
 * (src/test/resources/habeas-test-jwt, in the kernel's test-jar). Each application's test
 * profile verifies them with {@link #config()}; the refused kinds differ from a good token in
 * exactly one respect.
 */
public final class TestTokens {
    public static final String ISSUER = "https://issuer.habeas.test";
    public static final String AUDIENCE = "habeas";
    public static final String PUBLIC_KEY_LOCATION = "habeas-test-jwt/public.pem";
    private static final PrivateKey KEY = key("habeas-test-jwt/private.pem");
    private static final PrivateKey OTHER_KEY = key("habeas-test-jwt/other-private.pem");

    private TestTokens() {
    }

    /** What an application needs to verify these tokens: mp.jwt.verify.* (each test profile sets them). */
    public static Map<String, String> config() {
        return Map.of("mp.jwt.verify.publickey.location", PUBLIC_KEY_LOCATION,
                "mp.jwt.verify.issuer", ISSUER,
                "mp.jwt.verify.audiences", AUDIENCE);
    }

    /** A token of one role, valid for an hour. */
    public static String of(Role role) {
        return mint(role.claim() + "@habeas.test", c -> c, KEY, role.claim());
    }

    /** A token with these groups, which may name no role. */
    public static String withGroups(String subject, String... groups) {
        return mint(subject, c -> c, KEY, groups);
    }

    /** A token of one role that expires this long from now. */
    public static String expiringIn(Role role, Duration lifetime) {
        return mint(role.claim() + "@habeas.test", c -> c.expiresAt(Instant.now().plus(lifetime)), KEY, role.claim());
    }

    public static String bearer(Role role) {
        return "Bearer " + of(role);
    }

    /** The kinds of bad token every protected entry point refuses, by what is wrong with them. */
    public static Map<String, String> refused() {
        return Map.of(
                "garbage", "not-a-jwt",
                "wrong issuer", mint("admin@habeas.test", c -> c.issuer("https://issuer.elsewhere.test"), KEY, "admin"),
                "wrong audience", mint("admin@habeas.test", c -> c.audience("someone-else"), KEY, "admin"),
                "expired", mint("admin@habeas.test", c -> c.issuedAt(Instant.now().minus(Duration.ofHours(3)))
                        .expiresAt(Instant.now().minus(Duration.ofHours(2))), KEY, "admin"),
                "wrong signing key", mint("admin@habeas.test", c -> c, OTHER_KEY, "admin"));
    }

    private static String mint(String subject, UnaryOperator<JwtClaimsBuilder> change, PrivateKey key, String... groups) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject)
                .groups(new HashSet<>(Arrays.asList(groups))).issuedAt(now).expiresAt(now.plus(Duration.ofHours(1)));
        return change.apply(claims).jws().sign(key);
    }

    private static PrivateKey key(String location) {
        try {
            return KeyUtils.readPrivateKey(location);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the test key " + location, e);
        }
    }
}
