package io.habeas.kernel.identifiers;

import static io.habeas.kernel.errors.InvalidArguments.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.kernel.errors.FieldViolation;
import io.habeas.kernel.errors.InvalidArgumentException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ExternalIdsTest {
    private static final String FIELD = "person.external_ids";

    private static List<ExternalId> ids(String... pairs) {
        return Arrays.stream(pairs).map(p -> ExternalId.written(p.substring(0, p.indexOf(':')), p.substring(p.indexOf(':') + 1)))
                .toList();
    }

    private static List<String> paths(List<ExternalId> ids) {
        InvalidArgumentException failure = assertThrows(InvalidArgumentException.class, () -> ExternalIds.checked(ids, FIELD));
        return failure.violations().stream().map(FieldViolation::field).toList();
    }

    @Test
    void acceptsNoneOrOnePerScheme() {
        assertEquals(List.of(), ExternalIds.checked(List.of(), FIELD));
        assertEquals(List.of(), ExternalIds.problems(null));
        List<ExternalId> several = ids("wikidata:Q42", "viasna:2023-0142", "memorial:Q42");
        assertEquals(several, ExternalIds.checked(several, FIELD));
    }

    @Test
    void namesTheLaterOfTwoIdentifiersOfOneScheme() {
        assertInvalid(FIELD + "[2].scheme", "wikidata is given twice: a record holds one identifier per scheme",
                () -> ExternalIds.checked(ids("wikidata:Q42", "viasna:1", "wikidata:Q43"), FIELD));
    }

    @Test
    void comparesSchemesAsReadInLowerCase() {
        assertEquals(List.of(FIELD + "[1].scheme"), paths(ids("wikidata:Q42", "WikiData:Q42")));
    }

    @Test
    void acceptsTwentyAndRefusesTwentyOne() {
        List<ExternalId> twenty = IntStream.range(0, 20).mapToObj(i -> new ExternalId("scheme" + i, "v")).toList();
        assertEquals(twenty, ExternalIds.checked(twenty, FIELD));
        List<ExternalId> more = new ArrayList<>(twenty);
        more.add(new ExternalId("scheme20", "v"));
        assertInvalid(FIELD, "must hold at most 20 identifiers", () -> ExternalIds.checked(more, FIELD));
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        assertEquals(List.of(FIELD + "[0].value", FIELD + "[1].scheme", FIELD + "[2].scheme", FIELD + "[2].value",
                        FIELD + "[4].scheme"),
                paths(ids("wikidata:42", "1x:a", ":", "viasna:2023", "viasna:2024")));
    }

    @Test
    void aMalformedSchemeIsNotAlsoReportedAsRepeated() {
        assertEquals(List.of(FIELD + "[0].scheme", FIELD + "[1].scheme"), paths(ids("9:a", "9:b")));
    }

    @Test
    void aMissingEntryIsRequired() {
        List<ExternalId> withNull = new ArrayList<>(ids("wikidata:Q42"));
        withNull.add(null);
        assertInvalid(FIELD + "[1]", "is required", () -> ExternalIds.checked(withNull, FIELD));
    }

    @Test
    void aLookupNamesTheFilterParts() {
        assertEquals(new ExternalId("wikidata", "Q42"), ExternalIds.checked(ExternalId.written("WIKIDATA", "Q42"), "external_id"));
        InvalidArgumentException failure = assertThrows(InvalidArgumentException.class,
                () -> ExternalIds.checked(ExternalId.written("", "q42"), "external_id"));
        assertEquals(List.of("external_id.scheme"), failure.violations().stream().map(FieldViolation::field).toList());
        assertInvalid("external_id.value", "must be a Wikidata item id under wikidata: Q and its number, such as Q42",
                () -> ExternalIds.checked(ExternalId.written("wikidata", "q42"), "external_id"));
    }

    @Test
    void aTakenIdentifierNamesItsHolderOnlyWhenGiven() {
        var shown = ExternalIdTakenException.heldBy(FIELD + "[0]", new ExternalId("wikidata", "Q42"), "person", "persons/x");
        assertEquals("EXTERNAL_ID_TAKEN", shown.reason());
        assertEquals("persons/x", shown.metadata().get("holder"));
        assertTrue(shown.getMessage().contains("persons/x"));
        var hidden = ExternalIdTakenException.heldBy(FIELD + "[0]", new ExternalId("wikidata", "Q42"), "person", null);
        assertTrue(!hidden.metadata().containsKey("holder") && hidden.getMessage().contains("another person"));
        assertEquals(FIELD + "[0]", hidden.metadata().get("field"));
    }

    @Test
    void aRestoreMeetingATakenIdentifierIsRefusedByTheState() {
        var shown = ExternalIdTakenException.heldBy("external_ids[1]", new ExternalId("wikidata", "Q42"), "person", "persons/x");
        assertEquals("REVISION_NOT_RESTORABLE", shown.asRestoreRefusal().type());
        assertEquals("persons/x", shown.asRestoreRefusal().subject());
        var hidden = ExternalIdTakenException.heldBy("external_ids[1]", new ExternalId("wikidata", "Q42"), "person", null);
        assertEquals("external_ids[1]", hidden.asRestoreRefusal().subject());
    }
}
