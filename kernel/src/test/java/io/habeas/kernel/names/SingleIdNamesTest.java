package io.habeas.kernel.names;

import static io.habeas.kernel.errors.InvalidArguments.assertInvalid;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/** persons/{id}, detentions/{id}, actors/{id}, statements/{id}: each case holds for all four. */
class SingleIdNamesTest {
    static final List<NameType> TYPES = NameType.SINGLE_ID;

    @ParameterizedTest
    @FieldSource("TYPES")
    void writesTheCollectionAndTheIdAndParsesThatBack(NameType type) {
        Object name = type.make(NameType.ID0);
        assertEquals(type.collections().get(0) + "/" + NameType.ID0, name.toString());
        assertEquals(name, type.parse(name.toString(), "name"));
        assertEquals(List.of(NameType.ID0), type.idsOf(type.parse(name.toString(), "name")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
            "123e4567-e89b-12d3-a456-426614174000",
    })
    void roundTripsAnyUuid(String id) {
        NameType.forEach(TYPES, type -> {
            String text = type.spell(id);
            assertEquals(text, type.parse(text, "name").toString());
            assertEquals(List.of(UUID.fromString(id)), type.idsOf(type.parse(text, "name")));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B", "0190a1b2-C3D4-7e5f-8A9B-0c1d2e3f4a5b"})
    void acceptsAnIdInAnyCaseAndWritesItInLowerCase(String id) {
        NameType.forEach(TYPES, type -> {
            Object name = type.parse(type.spell(id), "name");
            assertEquals(type.make(NameType.ID0), name);
            assertEquals(type.spell(id.toLowerCase()), name.toString());
        });
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @CsvSource(nullValues = "NULL", value = {
            "NULL",                    // no name at all
            "''",                      // empty
            "{c0}",                    // the collection without an id
            "{id0}",                   // an id without the collection
            "/{name}",                 // leading slash
            "{name}/",                 // trailing slash
            "{name}//",
            "{name}/{c0}",             // an extra segment
            "{name}/{c0}/{id0}",       // two extra segments
            "{c0}//{id0}",             // an empty segment between
            "{C0}/{id0}",              // the collection capitalised
            "{c0}s/{id0}",             // a collection of another name
            "x{c0}/{id0}",
            "others/{id0}",
            "' {c0}/{id0}'",           // a space before the collection
            "{c0}:{id0}",              // another separator
            "{c0}\\{id0}",
            "https://habeas.io/{name}", // a URL, not a name
            "//habeas.io/{name}",
            "{c0}/{id0}/{c0}/{id1}",
    })
    void rejectsATextNotOfTheFormQuotingTheForm(String template) {
        NameType.forEach(TYPES, type -> type.assertRejectedAsMalformed(type.fill(template)));
    }

    @Test
    void rejectsTheCollectionInUpperCase() {
        NameType.forEach(TYPES, type -> type.assertRejectedAsMalformed(type.fill("{c0}").toUpperCase() + "/" + NameType.ID0));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" has the bad id \"{1}\"")
    @CsvSource({
            "'{c0}/',                                           ''",                                        // the id missing after the slash
            "'{c0}/not-a-uuid',                                 not-a-uuid",
            "'{c0}/{{id0}}',                                    '{{id0}}'",                                 // in braces
            "'{c0}/({id0})',                                    '({id0})'",
            "'{c0}/0190a1b2c3d47e5f8a9b0c1d2e3f4a5b',           0190a1b2c3d47e5f8a9b0c1d2e3f4a5b",          // no dashes
            "'{c0}/urn:uuid:{id0}',                             'urn:uuid:{id0}'",
            "'{c0}/{id0}0',                                     '{id0}0'",                                  // one digit too many
            "'{c0}/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5',        0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5",       // one too few
            "'{c0}/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4g5b',       0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4g5b",      // not hex
            "'{c0}/1-1-1-1-1',                                  1-1-1-1-1",                                 // UUID.fromString would take it
            "'{c0}/0190a1b2-c3d4-7e5f-8a9b0-c1d2e3f4a5b',       0190a1b2-c3d4-7e5f-8a9b0-c1d2e3f4a5b",      // a dash moved
            "'{c0}/ {id0}',                                     ' {id0}'",                                  // spaces around
            "'{c0}/{id0} ',                                     '{id0} '",
            "'{c0}/０１９０a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',     ０１９０a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",     // full-width digits
            "'{c0}/*',                                          '*'",
            "'{c0}/'' OR 1=1 --',                               ''' OR 1=1 --'",
    })
    void rejectsAnIdThatIsNotAUuidQuotingTheId(String template, String badId) {
        NameType.forEach(TYPES, type -> type.assertRejectedForItsId(type.fill(template), type.fill(badId)));
    }

    @Test
    void rejectsAnIdFollowedByANewlineQuotingTheId() {
        NameType.forEach(TYPES, type -> type.assertRejectedForItsId(type.sampleName() + "\n", NameType.ID0 + "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"person", "parent", "requests[2].detention", "page_token"})
    void namesTheFieldItWasGiven(String field) {
        NameType.forEach(TYPES, type -> {
            assertInvalid(field, "must be a resource name of the form " + type.form(), () -> type.parse("x", field));
            assertInvalid(field, "has an id that is not a UUID: x", () -> type.parse(type.spell("x"), field));
        });
    }

    @Test
    void refusesToMakeANameWithoutAnId() {
        assertAll(
                () -> assertThrows(NullPointerException.class, () -> PersonName.of(null)),
                () -> assertThrows(NullPointerException.class, () -> DetentionName.of(null)),
                () -> assertThrows(NullPointerException.class, () -> ActorName.of(null)),
                () -> assertThrows(NullPointerException.class, () -> StatementName.of(null)));
    }
}
