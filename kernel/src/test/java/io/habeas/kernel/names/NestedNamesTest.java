package io.habeas.kernel.names;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * detentions/{id}/custodyEvents/{id}, detentions/{id}/courtEvents/{id}, detentions/{id}/charges/{id},
 * persons/{id}/incidents/{id}, statements/{id}/claims/{id}.
 */
class NestedNamesTest {
    static final List<NameType> TYPES = NameType.NESTED;
    private static final UUID PARENT = NameType.ID0;
    private static final UUID CHILD = NameType.ID1;

    @ParameterizedTest
    @FieldSource("TYPES")
    void writesParentCollectionIdChildCollectionIdAndParsesThatBack(NameType type) {
        Object name = type.make(PARENT, CHILD);
        assertEquals(type.collections().get(0) + "/" + PARENT + "/" + type.collections().get(1) + "/" + CHILD,
                name.toString());
        assertEquals(name, type.parse(name.toString(), "name"));
        assertEquals(List.of(PARENT, CHILD), type.idsOf(type.parse(name.toString(), "name")));
    }

    @Test
    void keepsTheParentIdAndTheChildIdApart() {
        NameType.forEach(TYPES, type -> {
            assertEquals(List.of(PARENT, CHILD), type.idsOf(type.parse(type.spell(PARENT + "", CHILD + ""), "n")));
            assertEquals(List.of(CHILD, PARENT), type.idsOf(type.parse(type.spell(CHILD + "", PARENT + ""), "n")));
            assertEquals(List.of(PARENT, PARENT), type.idsOf(type.parse(type.spell(PARENT + "", PARENT + ""), "n")));
        });
    }

    static Stream<Arguments> parentTypes() {
        return Stream.of(Arguments.of(NameType.CUSTODY_EVENT, NameType.DETENTION),
                Arguments.of(NameType.COURT_EVENT, NameType.DETENTION),
                Arguments.of(NameType.CHARGE, NameType.DETENTION), Arguments.of(NameType.INCIDENT, NameType.PERSON),
                Arguments.of(NameType.CLAIM, NameType.STATEMENT));
    }

    @ParameterizedTest(name = "[{index}] a {0}''s parent is a {1}")
    @MethodSource("parentTypes")
    void hasAsParentTheNameOfItsFirstIdWhichBeginsItsOwn(NameType type, NameType parentType) {
        Object name = type.make(PARENT, CHILD);
        Object parent = type.parentOf(name);
        assertEquals(parentType.make(PARENT), parent);
        assertEquals(parent, type.parentOf(type.parse(name.toString(), "n")));
        assertEquals(parent + "/" + type.collections().get(1) + "/" + CHILD, name.toString());
    }

    @Test
    void acceptsIdsInUpperCaseAndWritesThemInLowerCase() {
        NameType.forEach(TYPES, type -> {
            Object name = type.parse(type.spell(PARENT.toString().toUpperCase(), CHILD.toString().toUpperCase()), "n");
            assertEquals(type.make(PARENT, CHILD), name);
            assertEquals(type.sampleName(), name.toString());
        });
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(nullValues = "NULL", value = {
            "NULL",
            "''",
            "{c0}",
            "{c0}/{id0}",                       // the parent alone
            "{c0}/{id0}/{c1}",                  // the child's collection without its id
            "{id0}/{c1}/{id1}",                 // the parent's collection missing
            "{c1}/{id1}",                       // the child alone
            "{c1}/{id1}/{c0}/{id0}",            // the other way round
            "/{name}",                          // leading slash
            "{name}/",                          // trailing slash
            "{name}/{c1}",                      // an extra segment
            "{name}/{c1}/{id1}",                // two extra segments
            "{c0}/{id0}//{c1}/{id1}",
            "{C0}/{id0}/{c1}/{id1}",            // the parent's collection capitalised
            "{c0}/{id0}/{C1}/{id1}",            // the child's collection capitalised
            "{c0}/{id0}/{c0}/{id1}",            // the parent's collection twice
            "{c0}/{id0}/{c1}s/{id1}",
            "{c0}/{id0}/others/{id1}",
            "{c0}/{id0}/{c1}/{id1}/{c1}/{id1}",
    })
    void rejectsATextNotOfTheFormQuotingTheForm(String template) {
        NameType.forEach(TYPES, type -> type.assertRejectedAsMalformed(type.fill(template)));
    }

    @Test
    void rejectsTheChildCollectionInAnyOtherCase() {
        NameType.forEach(TYPES, type -> {
            String child = type.collections().get(1);
            for (String spelling : List.of(child.toLowerCase(), child.toUpperCase())) {
                if (!spelling.equals(child)) {
                    type.assertRejectedAsMalformed(type.spell(PARENT.toString(), CHILD.toString())
                            .replace("/" + child + "/", "/" + spelling + "/"));
                }
            }
        });
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" has the bad id \"{1}\"")
    @CsvSource({
            "'{c0}/{id0}/{c1}/',                ''",                  // the child id missing
            "'{c0}//{c1}/{id1}',                ''",                  // the parent id missing
            "'{c0}/not-a-uuid/{c1}/{id1}',      not-a-uuid",
            "'{c0}/{id0}/{c1}/not-a-uuid',      not-a-uuid",
            "'{c0}/{{id0}}/{c1}/{id1}',         '{{id0}}'",           // braces
            "'{c0}/{id0}/{c1}/{{id1}}',         '{{id1}}'",
            "'{c0}/{id0}/{c1}/1-1-1-1-1',       1-1-1-1-1",
            "'{c0}/{id0}/{c1}/{id1} ',          '{id1} '",
            "'{c0}/{id0}/{c1}/'' OR 1=1 --',    ''' OR 1=1 --'",
            "'{c0}/x/{c1}/y',                   x",                   // the parent's id is read first
            "'{c0}/{c1}/{id0}/{id1}',           '{c1}'",              // the collections first: read from the left
    })
    void rejectsAnIdThatIsNotAUuidQuotingTheId(String template, String badId) {
        NameType.forEach(TYPES, type -> type.assertRejectedForItsId(type.fill(template), type.fill(badId)));
    }

    @Test
    void refusesToMakeANameWithoutBothIds() {
        assertAll(
                () -> assertThrows(NullPointerException.class, () -> CustodyEventName.of(DetentionName.of(PARENT), null)),
                () -> assertThrows(NullPointerException.class, () -> ChargeName.of(DetentionName.of(PARENT), null)),
                () -> assertThrows(NullPointerException.class, () -> ClaimName.of(StatementName.of(PARENT), null)),
                () -> assertThrows(NullPointerException.class, () -> IncidentName.of(PersonName.of(PARENT), null)),
                () -> assertThrows(NullPointerException.class, () -> new IncidentName(null, CHILD)),
                () -> assertThrows(NullPointerException.class, () -> new CustodyEventName(null, CHILD)),
                () -> assertThrows(NullPointerException.class, () -> new ChargeName(null, CHILD)),
                () -> assertThrows(NullPointerException.class, () -> new ClaimName(null, CHILD)));
    }
}
