package io.habeas.kernel.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalIdTest {

    @Test
    void readsTheSchemeInLowerCaseAndTheValueWithoutSurroundingSpaces() {
        assertEquals(new ExternalId("wikidata", "Q42"), ExternalId.written("WikiData", "  Q42\t"));
        assertEquals(new ExternalId("viasna", "2023-0142"), ExternalId.written("VIASNA", "2023-0142"));
    }

    @Test
    void keepsTheValueAsWrittenInsideItsSpacesAndCase() {
        assertEquals("Case 12 / b", ExternalId.written("memorial", " Case 12 / b ").value());
    }

    @Test
    void storesTheValueInNfc() {
        assertEquals("İ-1", ExternalId.written("memorial", "I\u0307-1").value());
    }

    @Test
    void lowersOnlyAsciiCapitalsSoALookalikeIsRefused() {
        ExternalId kelvin = ExternalId.written("\u212Aviasna", "1");
        assertEquals("\u212Aviasna", kelvin.scheme());
        assertEquals(Map.of("scheme", ExternalId.SCHEME_RULE), kelvin.problems());
    }

    @Test
    void readsMissingPartsAsEmpty() {
        assertEquals(new ExternalId("", ""), ExternalId.written(null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wikidata", "viasna", "memorial", "cecc", "a", "org.example_cases-2",
            "abcdefghijabcdefghijabcdefghijabcdefghij"})
    void acceptsSchemesOfLettersDigitsDotsUnderscoresAndHyphens(String scheme) {
        assertTrue(ExternalId.written(scheme, "Q1").problems().isEmpty(), scheme);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1viasna", "-viasna", ".x", "_x", "wiki data", "wiki/data", "wikidata:", "viásna", " wikidata",
            "abcdefghijabcdefghijabcdefghijabcdefghijk", "вясна"})
    void refusesOtherSchemes(String scheme) {
        assertEquals(Map.of("scheme", ExternalId.SCHEME_RULE), ExternalId.written(scheme, "1").problems(), scheme);
    }

    @Test
    void requiresBothParts() {
        Map<String, String> problems = ExternalId.written("", "   ").problems();
        assertEquals(java.util.List.of("scheme", "value"), java.util.List.copyOf(problems.keySet()));
        assertTrue(problems.get("scheme").startsWith("is required"));
        assertTrue(problems.get("value").startsWith("is required"));
    }

    @Test
    void acceptsAValueOfTwoHundredCharactersAndNoMore() {
        assertTrue(ExternalId.written("memorial", "ж".repeat(200)).problems().isEmpty());
        assertEquals(Map.of("value", "must be at most 200 characters"),
                ExternalId.written("memorial", "ж".repeat(201)).problems());
        assertTrue(ExternalId.written("memorial", "😀".repeat(200)).problems().isEmpty(), "characters, not UTF-16 units");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023\n0142", "a\tb", "x\u202Ey", "a\u0000b"})
    void refusesAValueThatIsNotOneLineOfText(String value) {
        assertTrue(ExternalId.written("viasna", value).problems().containsKey("value"), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q1", "Q42", "Q123456", "Q98765432109"})
    void acceptsWikidataItemIds(String value) {
        assertTrue(ExternalId.written("wikidata", value).problems().isEmpty(), value);
        assertTrue(ExternalId.written("WIKIDATA", value).problems().isEmpty(), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"q42", "42", "Q", "Q0", "Q042", "P31", "L1", "Q42a", "Q 42", "https://www.wikidata.org/wiki/Q42", "Q４２"})
    void refusesAnythingElseUnderWikidata(String value) {
        assertEquals(java.util.Set.of("value"), ExternalId.written("wikidata", value).problems().keySet(), value);
    }

    @ParameterizedTest
    @CsvSource({"viasna,q42", "memorial,Q042", "cecc,P31"})
    void otherSchemesKeepTheirOwnForms(String scheme, String value) {
        assertTrue(ExternalId.written(scheme, value).problems().isEmpty());
    }

    @Test
    void goesToTheWireAndBack() {
        var proto = io.habeas.common.v1.ExternalId.newBuilder().setScheme("Wikidata").setValue(" Q42 ").build();
        ExternalId read = ExternalId.fromProto(proto);
        assertEquals(new ExternalId("wikidata", "Q42"), read);
        assertEquals(io.habeas.common.v1.ExternalId.newBuilder().setScheme("wikidata").setValue("Q42").build(), read.toProto());
    }
}
