package io.habeas.kernel.paging;

import static io.habeas.kernel.errors.InvalidArguments.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.kernel.access.AccessLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryFingerprintTest {
    private static final UUID PERSON = UUID.fromString("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    private static Arguments pair(String what, QueryFingerprint one, QueryFingerprint other) {
        return Arguments.of(what, one, other);
    }

    private static QueryFingerprint q(String list, Object... filters) {
        return QueryFingerprint.of(list, filters);
    }

    private static List<Object> listWithNull() {
        List<Object> values = new ArrayList<>();
        values.add(null);
        return values;
    }

    static Stream<Arguments> differentQueries() {
        return Stream.of(
                pair("list names", q("persons"), q("detentions")),
                pair("list names in another case", q("persons"), q("Persons")),
                pair("a null filter and an empty one", q("persons", (Object) null), q("persons", "")),
                pair("a null filter and the text null", q("persons", (Object) null), q("persons", "null")),
                pair("a null filter and the text -", q("persons", (Object) null), q("persons", "-")),
                pair("no filter and a null filter", q("persons"), q("persons", (Object) null)),
                pair("no filter and an empty one", q("persons"), q("persons", "")),
                pair("[a, b] and [ab]", q("persons", List.of("a", "b")), q("persons", List.of("ab"))),
                pair("[a, b] and [b, a]", q("persons", List.of("a", "b")), q("persons", List.of("b", "a"))),
                pair("a list and the filters it holds", q("persons", List.of("a", "b")), q("persons", "a", "b")),
                pair("a list and its concatenation", q("persons", List.of("a", "b")), q("persons", "ab")),
                pair("a list and its text", q("persons", List.of("a", "b")), q("persons", "[a, b]")),
                pair("filters and their concatenation", q("persons", "a", "b"), q("persons", "ab")),
                pair("filters split elsewhere", q("persons", "ab", "c"), q("persons", "a", "bc")),
                pair("filters in another order", q("persons", "a", "b"), q("persons", "b", "a")),
                pair("a list name and a filter joined", q("personsRU"), q("persons", "RU")),
                pair("a list name holding a filter's encoding", q("persons", "RU"), q("persons;2:RU")),
                pair("a filter holding another's encoding", q("persons", "a", "b"), q("persons", "a;1:b")),
                pair("an empty list and no filter", q("persons", List.of()), q("persons")),
                pair("an empty list and a null filter", q("persons", List.of()), q("persons", (Object) null)),
                pair("an empty list and an empty filter", q("persons", List.of()), q("persons", "")),
                pair("an empty list and a list of an empty text", q("persons", List.of()), q("persons", List.of(""))),
                pair("a list of null and an empty list", q("persons", listWithNull()), q("persons", List.of())),
                pair("a nested list and a flat one", q("persons", List.of(List.of("a"), "b")), q("persons", List.of("a", "b"))),
                pair("lists split elsewhere", q("persons", List.of("a"), List.of("b", "c")), q("persons", List.of("a", "b"), List.of("c"))),
                pair("other access levels", q("persons", AccessLevel.PUBLIC), q("persons", AccessLevel.RESTRICTED)),
                pair("other ids", q("detentions", PERSON), q("detentions", new UUID(0, 0))),
                pair("unicode that looks alike", q("persons", "e\u0301"), q("persons", "\u00e9")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("differentQueries")
    void differsForDifferentQueries(String what, QueryFingerprint one, QueryFingerprint other) {
        assertNotEquals(one, other);
        String token = OpaqueToken.encode(one, List.of("x"));
        assertInvalid("page_token", OpaqueTokenTest.DIFFERENT_QUERY, () -> OpaqueToken.decode(token, other, "page_token"));
    }

    static Stream<Arguments> sameQueries() {
        return Stream.of(
                pair("the same list", q("persons"), q("persons")),
                pair("the same filters", q("persons", "RU", null, 3), q("persons", "RU", null, 3)),
                pair("equal lists of other kinds", q("persons", List.of("a", "b")), q("persons", Arrays.asList("a", "b"))),
                pair("the same set", q("persons", Set.of("a")), q("persons", List.of("a"))),
                pair("the same id", q("detentions", PERSON), q("detentions", UUID.fromString(PERSON.toString()))),
                pair("the same unicode", q("persons", "Тбилиси 🙂"), q("persons", "Тбилиси 🙂")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("sameQueries")
    void isTheSameForTheSameQuery(String what, QueryFingerprint one, QueryFingerprint other) {
        assertEquals(one, other);
        assertEquals(List.of("x"), OpaqueToken.decode(OpaqueToken.encode(one, List.of("x")), other, "page_token"));
    }

    @Test
    void isSixteenHexDigitsSoThatATokenCanCarryIt() {
        Stream.of(q(""), q("persons"), q("persons", "x".repeat(100_000)), q("persons", listWithNull()), q("persons", "\u001f"))
                .forEach(query -> assertTrue(query.value().matches("[0-9a-f]{16}"), query.value()));
    }
}
