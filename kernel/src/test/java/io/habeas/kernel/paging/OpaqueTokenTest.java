package io.habeas.kernel.paging;

import static io.habeas.kernel.errors.InvalidArguments.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OpaqueTokenTest {
    private static final QueryFingerprint QUERY = QueryFingerprint.of("persons", "RU", null);
    private static final QueryFingerprint OTHER_QUERY = QueryFingerprint.of("persons", "BY", null);
    static final String DIFFERENT_QUERY = "was issued for a different query or caller; send the same filters as the first page, as the same caller";
    static final String NOT_ISSUED = "is not a token this API issued";
    static final String EXPIRED = "has expired; start again from the first page";
    private static final String ID = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

    static final List<List<String>> FIELDS = List.of(
            List.of(ID),
            List.of("2023-07-23", "0", ID),
            List.of(""),
            List.of("", ""),
            List.of("a", "", "b"),
            List.of("", "", "", "trailing"),
            List.of("leading", "", ""),
            List.of("Ёлка", "Тбилиси", "日本語", "ქართული", "🙂 👍🏽", "e\u0301"),
            List.of("+/=", "-_", "a b", "?&#%", "\n\t\r", "\u0000", "\u001e"),
            List.of("x".repeat(10_000)));

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A plain text sealed as the server seals a token, so that decode reads what this test wrote. */
    static String sealed(String text) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        new SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, TokenKeys.current().key(), new GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
        byte[] token = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, token, 0, nonce.length);
        System.arraycopy(sealed, 0, token, nonce.length, sealed.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The token with its character at this position replaced by another. */
    static String withCharacterChanged(String token, int at) {
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    /** Tokens are issued, and their age measured, at this instant. */
    static void clockAt(Instant instant) {
        TokenKeys.useClock(Clock.fixed(instant, ZoneOffset.UTC));
    }

    private static String now() {
        return Long.toString(System.currentTimeMillis());
    }

    @AfterEach
    void backToARandomKey() {
        TokenKeys.reset();
    }

    @ParameterizedTest
    @FieldSource("FIELDS")
    void givesBackTheFieldsItWasMadeWith(List<String> fields) {
        assertEquals(fields, OpaqueToken.decode(OpaqueToken.encode(QUERY, fields), QUERY, "page_token"));
    }

    @ParameterizedTest
    @FieldSource("FIELDS")
    void isUrlSafeWithoutPadding(List<String> fields) {
        String token = OpaqueToken.encode(QUERY, fields);
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
    }

    @ParameterizedTest
    @FieldSource("FIELDS")
    void differsForDifferentQueries(List<String> fields) {
        assertNotEquals(OpaqueToken.encode(QUERY, fields), OpaqueToken.encode(OTHER_QUERY, fields));
    }

    @Test
    void keepsApartFieldsThatJoinToTheSameText() {
        List<List<List<String>>> pairs = List.of(
                List.of(List.of("ab", "c"), List.of("a", "bc")),
                List.of(List.of("a", ""), List.of("", "a")),
                List.of(List.of(""), List.of("", "")));
        for (List<List<String>> pair : pairs) {
            for (List<String> fields : pair) {
                assertEquals(fields, OpaqueToken.decode(OpaqueToken.encode(QUERY, fields), QUERY, "page_token"));
            }
        }
    }

    @Test
    void differsEachTimeForTheSameFields() {
        assertNotEquals(OpaqueToken.encode(QUERY, List.of("a")), OpaqueToken.encode(QUERY, List.of("a")));
    }

    @Test
    void givesBackNoFieldsForATokenMadeWithNone() {
        List<String> decoded = OpaqueToken.decode(OpaqueToken.encode(QUERY, List.of()), QUERY, "page_token");
        assertEquals(0, decoded.size(), () -> "got the fields " + decoded.stream().map(f -> '"' + f + '"').toList());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void readsAnAbsentTokenAsTheFirstPage(String token) {
        assertNull(OpaqueToken.decode(token, QUERY, "page_token"));
    }

    @Test
    void toleratesWhitespaceAroundAToken() {
        String token = OpaqueToken.encode(QUERY, List.of("a", "b"));
        assertEquals(List.of("a", "b"), OpaqueToken.decode(" " + token + "\n", QUERY, "page_token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "!!!",
            "a",                       // a length no base64 text has
            "abcde",
            "ab+/",                    // the standard alphabet, not the URL-safe one
            "ab cd",
            "ab%3D",                   // URL-encoded padding
            "a=bc",                    // padding in the middle
            "' OR 1=1 --",
            "日本語",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", // base64 of zeros, as long as a token
    })
    void rejectsATextThatIsNoTokenNamingTheField(String token) {
        assertInvalid("page_token", NOT_ISSUED, () -> OpaqueToken.decode(token, QUERY, "page_token"));
        assertInvalid("cursor", NOT_ISSUED, () -> OpaqueToken.decode(token, QUERY, "cursor"));
    }

    @Test
    void rejectsATokenOfAnotherQueryNamingTheField() {
        String token = OpaqueToken.encode(OTHER_QUERY, List.of("a"));
        assertInvalid("page_token", DIFFERENT_QUERY, () -> OpaqueToken.decode(token, QUERY, "page_token"));
        assertInvalid("timeline_token", DIFFERENT_QUERY, () -> OpaqueToken.decode(token, QUERY, "timeline_token"));
    }

    @Test
    void rejectsAPlainTextTokenEvenOfThisQuery() {
        assertInvalid("page_token", NOT_ISSUED,
                () -> OpaqueToken.decode(base64(QUERY.value() + "\u001f" + now() + "\u001fx\u001fy"), QUERY, "page_token"));
        assertInvalid("page_token", NOT_ISSUED,
                () -> OpaqueToken.decode(base64(QUERY.value() + "\u001fx\u001fy"), QUERY, "page_token"));
    }

    @Test
    void acceptsATokenSealedByHandForThisQuery() throws GeneralSecurityException {
        String token = sealed(QUERY.value() + "\u001f" + now() + "\u001fx\u001fy");
        assertEquals(List.of("x", "y"), OpaqueToken.decode(token, QUERY, "page_token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "hello\u001f{now}",                   // not a fingerprint
            "0000000000000000\u001f{now}\u001fa", // a fingerprint of the right shape that no query has
    })
    void rejectsASealedTextWithoutThisQuerysFingerprint(String text) throws GeneralSecurityException {
        String token = sealed(text.replace("{now}", now()));
        assertInvalid("page_token", DIFFERENT_QUERY, () -> OpaqueToken.decode(token, QUERY, "page_token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "hello",                               // no separator, no issue time
            "\u001f{now}",                         // an empty fingerprint
            "\u001f{now}\u001fa",
            "{query}",
            "{query}\u001f",                       // no issue time
            "{query}\u001fyesterday\u001fa",
            "{query}\u001f1.5e12\u001fa",
    })
    void rejectsASealedTextThatIsNoTokenAsNotIssued(String text) throws GeneralSecurityException {
        String token = sealed(text.replace("{now}", now()).replace("{query}", QUERY.value()));
        assertInvalid("page_token", NOT_ISSUED, () -> OpaqueToken.decode(token, QUERY, "page_token"));
    }

    @Test
    void rejectsATokenWithAnyBitFlipped() {
        byte[] token = Base64.getUrlDecoder().decode(OpaqueToken.encode(QUERY, List.of("2023-07-23", "0", ID)));
        for (int bit = 0; bit < token.length * 8; bit++) {
            byte[] flipped = token.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(flipped);
            assertInvalid("page_token", NOT_ISSUED, () -> OpaqueToken.decode(tampered, QUERY, "page_token"));
        }
    }

    @Test
    void rejectsATokenCutShortOrExtended() {
        String token = OpaqueToken.encode(QUERY, List.of("2023-07-23", "0", ID));
        for (int length = 1; length < token.length(); length++) {
            String cut = token.substring(0, length);
            assertInvalid("page_token", NOT_ISSUED, () -> OpaqueToken.decode(cut, QUERY, "page_token"));
        }
        assertInvalid("page_token", NOT_ISSUED, () -> OpaqueToken.decode(token + "AAAA", QUERY, "page_token"));
        assertInvalid("page_token", NOT_ISSUED, () -> OpaqueToken.decode(token + "=", QUERY, "page_token"));
        assertInvalid("page_token", NOT_ISSUED, () -> OpaqueToken.decode(token.substring(4), QUERY, "page_token"));
    }

    @Test
    void rejectsATokenWithAnyCharacterChanged() {
        for (List<String> fields : List.<List<String>>of(List.of(), List.of("a"), List.of("ab"), List.of("abc"))) {
            String token = OpaqueToken.encode(QUERY, fields);
            for (int i = 0; i < token.length(); i++) {
                String changed = withCharacterChanged(token, i);
                assertInvalid("page_token", NOT_ISSUED, () -> OpaqueToken.decode(changed, QUERY, "page_token"));
            }
        }
    }

    @Test
    void rejectsATokenSealedWithAnotherKey() {
        TokenKeys.configure(new byte[32], Duration.ofHours(1));
        String token = OpaqueToken.encode(QUERY, List.of("a"));
        byte[] other = new byte[32];
        other[31] = 1;
        TokenKeys.configure(other, Duration.ofHours(1));
        assertInvalid("page_token", NOT_ISSUED, () -> OpaqueToken.decode(token, QUERY, "page_token"));
        assertInvalid("cursor", NOT_ISSUED, () -> OpaqueToken.decode(token, QUERY, "cursor"));
        TokenKeys.configure(new byte[32], Duration.ofHours(1));
        assertEquals(List.of("a"), OpaqueToken.decode(token, QUERY, "page_token"));
    }

    @Test
    void expiresAfterTheDefaultLifetimeOfADay() {
        Instant issued = Instant.parse("2024-04-22T10:00:00Z");
        clockAt(issued);
        String token = OpaqueToken.encode(QUERY, List.of("a"));

        clockAt(issued.plus(Duration.ofHours(24)));
        assertEquals(List.of("a"), OpaqueToken.decode(token, QUERY, "page_token"));
        clockAt(issued.plus(Duration.ofHours(24)).plusMillis(1));
        assertInvalid("page_token", EXPIRED, () -> OpaqueToken.decode(token, QUERY, "page_token"));
        assertInvalid("cursor", EXPIRED, () -> OpaqueToken.decode(token, OTHER_QUERY, "cursor"));
    }

    @Test
    void expiresAfterTheConfiguredLifetime() {
        Instant issued = Instant.parse("2024-04-22T10:00:00Z");
        TokenKeys.configure(new byte[32], Duration.ofMinutes(10));
        clockAt(issued);
        String token = OpaqueToken.encode(QUERY, List.of("a"));

        clockAt(issued.plus(Duration.ofMinutes(10)));
        assertEquals(List.of("a"), OpaqueToken.decode(token, QUERY, "page_token"));
        clockAt(issued.plus(Duration.ofMinutes(11)));
        assertInvalid("page_token", EXPIRED, () -> OpaqueToken.decode(token, QUERY, "page_token"));
    }

    @Test
    void doesNotShowItsFieldsOrQuery() {
        List<String> fields = List.of("2023-07-23", "0", ID, "Тбилиси");
        byte[] token = Base64.getUrlDecoder().decode(OpaqueToken.encode(QUERY, fields));
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16BE)) {
            String text = new String(token, charset);
            for (String secret : List.of("2023", "07-23", ID.substring(0, 8), ID.substring(24), "Тбилиси", QUERY.value())) {
                assertFalse(text.contains(secret), () -> "the token shows " + secret + " in " + charset);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u001f", "a\u001f", "\u001fb", "a\u001fb"})
    void refusesToEncodeAFieldHoldingTheSeparator(String field) {
        assertThrows(IllegalArgumentException.class, () -> OpaqueToken.encode(QUERY, List.of("ok", field)));
    }
}
