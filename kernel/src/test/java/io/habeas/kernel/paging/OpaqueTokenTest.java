package io.habeas.kernel.paging;

import static io.habeas.kernel.errors.InvalidArguments.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OpaqueTokenTest {
    private static final QueryFingerprint QUERY = QueryFingerprint.of("persons", "RU", null);
    private static final QueryFingerprint OTHER_QUERY = QueryFingerprint.of("persons", "BY", null);
    static final String DIFFERENT_QUERY = "was issued for a different query; send the same filters as the first page";
    static final String NOT_ISSUED = "is not a token this API issued";

    static final List<List<String>> FIELDS = List.of(
            List.of("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
            List.of("2023-07-23", "0", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
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
    void differsForFieldsThatJoinToTheSameText() {
        assertNotEquals(OpaqueToken.encode(QUERY, List.of("ab", "c")), OpaqueToken.encode(QUERY, List.of("a", "bc")));
        assertNotEquals(OpaqueToken.encode(QUERY, List.of("a", "")), OpaqueToken.encode(QUERY, List.of("", "a")));
        assertNotEquals(OpaqueToken.encode(QUERY, List.of("")), OpaqueToken.encode(QUERY, List.of("", "")));
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
    })
    void rejectsATextThatIsNotBase64NamingTheField(String token) {
        assertInvalid("page_token", NOT_ISSUED, () -> OpaqueToken.decode(token, QUERY, "page_token"));
        assertInvalid("cursor", NOT_ISSUED, () -> OpaqueToken.decode(token, QUERY, "cursor"));
    }

    @Test
    void rejectsATokenOfAnotherQueryNamingTheField() {
        String token = OpaqueToken.encode(OTHER_QUERY, List.of("a"));
        assertInvalid("page_token", DIFFERENT_QUERY, () -> OpaqueToken.decode(token, QUERY, "page_token"));
        assertInvalid("timeline_token", DIFFERENT_QUERY, () -> OpaqueToken.decode(token, QUERY, "timeline_token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "hello",                   // no separator, no fingerprint
            "0000000000000000\u001fa", // a fingerprint of the right shape that no query has
    })
    void rejectsDecodableTextWithoutThisQuerysFingerprint(String text) {
        assertInvalid("page_token", DIFFERENT_QUERY, () -> OpaqueToken.decode(base64(text), QUERY, "page_token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u001f", "\u001fa"})
    void rejectsDecodableTextWithAnEmptyFingerprint(String text) {
        assertInvalid("page_token", NOT_ISSUED, () -> OpaqueToken.decode(base64(text), QUERY, "page_token"));
    }

    @Test
    void acceptsATokenWrittenByHandForThisQuery() {
        assertEquals(List.of("x", "y"), OpaqueToken.decode(base64(QUERY.value() + "\u001fx\u001fy"), QUERY, "page_token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u001f", "a\u001f", "\u001fb", "a\u001fb"})
    void refusesToEncodeAFieldHoldingTheSeparator(String field) {
        assertThrows(IllegalArgumentException.class, () -> OpaqueToken.encode(QUERY, List.of("ok", field)));
    }
}
