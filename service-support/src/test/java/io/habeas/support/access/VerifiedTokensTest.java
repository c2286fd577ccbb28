package io.habeas.support.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.habeas.kernel.access.Role;
import io.habeas.kernel.testing.TestTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** What is kept of a verification, with SmallRye JWT's own parser verifying as the services configure it. */
class VerifiedTokensTest {

    private final VerifiedTokens tokens = new VerifiedTokens();
    private final DefaultJWTParser parser = new DefaultJWTParser(settings());

    /** The services' settings, with no clock skew: an expired token is refused the second it expires. */
    private static JWTAuthContextInfo settings() {
        JWTAuthContextInfo settings = new JWTAuthContextInfo(TestTokens.PUBLIC_KEY_LOCATION, TestTokens.ISSUER);
        settings.setExpectedAudience(Set.of(TestTokens.AUDIENCE));
        settings.setClockSkew(0);
        return settings;
    }

    private JsonWebToken verify(String token) throws ParseException {
        return tokens.verify(token, parser::parse);
    }

    @Test
    void aTokenIsVerifiedOnceThenKept() throws ParseException {
        String token = TestTokens.withGroups("kept-once", Role.ANALYST.claim());
        long before = VerifiedTokens.verifications();
        for (int i = 0; i < 5; i++) {
            JsonWebToken jwt = verify(token);
            assertEquals("kept-once", jwt.getName());
            assertEquals(Set.of(Role.ANALYST.claim()), jwt.getGroups());
        }
        assertEquals(1, VerifiedTokens.verifications() - before);
    }

    @Test
    void aKeptTokenIsRefusedOnceItExpires() throws Exception {
        String token = TestTokens.expiringIn(Role.ANALYST, Duration.ofSeconds(2));
        long expires = verify(token).getExpirationTime();
        while (Instant.now().getEpochSecond() <= expires) {
            Thread.sleep(100);
        }
        assertThrows(ParseException.class, () -> verify(token));
    }

    @Test
    void everyRefusedTokenIsRefusedAgainAndKeptNowhere() {
        for (Map.Entry<String, String> refused : TestTokens.refused().entrySet()) {
            for (int i = 0; i < 2; i++) {
                assertThrows(ParseException.class, () -> verify(refused.getValue()), refused.getKey());
            }
        }
    }

    @Test
    void aTokenDifferingFromAKeptOneInOneCharacterIsVerifiedAfresh() throws ParseException {
        String token = TestTokens.withGroups("kept-then-altered", Role.ANALYST.claim());
        verify(token);
        int last = token.length() - 2;
        String altered = token.substring(0, last) + (token.charAt(last) == 'A' ? 'B' : 'A') + token.substring(last + 1);
        long before = VerifiedTokens.verifications();
        assertThrows(ParseException.class, () -> verify(altered));
        assertEquals(before, VerifiedTokens.verifications(), "a refused token is not counted as verified");
    }
}
