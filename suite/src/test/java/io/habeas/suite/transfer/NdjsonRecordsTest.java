package io.habeas.suite.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.PartialDate;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.detention.v1.Person;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonRecordsTest {
    private static final String GOOD = "{\"kind\":\"person\",\"person\":{\"displayName\":\"Gubad Ibadoglu\","
            + "\"accessLevel\":\"ACCESS_LEVEL_PUBLIC\",\"externalIds\":[{\"scheme\":\"wikidata\",\"value\":\"Q1\"}]},"
            + "\"detentions\":[{\"importKey\":\"case-1\",\"detention\":{\"detainingCountry\":\"AZ\","
            + "\"startDate\":{\"year\":2023,\"month\":7}}}]}";

    private static String reason(String line) {
        return assertInstanceOf(FileRecord.Unreadable.class, NdjsonRecords.parse(4, line)).reason();
    }

    @Test
    void aPersonLineIsAnImportRecordInCanonicalJson() {
        var parsed = assertInstanceOf(FileRecord.Person.class, NdjsonRecords.parse(3, GOOD));

        assertEquals(3, parsed.line());
        assertEquals(List.of(3), parsed.lines());
        assertEquals("Gubad Ibadoglu", parsed.record().getPerson().getDisplayName());
        assertEquals(AccessLevel.ACCESS_LEVEL_PUBLIC, parsed.record().getPerson().getAccessLevel());
        assertEquals(PartialDate.newBuilder().setYear(2023).setMonth(7).build(),
                parsed.record().getDetentions(0).getDetention().getStartDate());
    }

    @Test
    void aWrittenLineReadsBackAsTheSameRecord() throws Exception {
        ImportRecord record = ImportRecord.newBuilder().setPerson(Person.newBuilder().setName("persons/x").setDisplayName("Ä \"q\""))
                .addDetentions(ImportDetention.newBuilder().setImportKey("k").setDetention(Detention.newBuilder()
                        .setDetainingCountry("BY")))
                .build();

        String line = NdjsonRecords.line(record);

        assertTrue(line.startsWith("{\"kind\":\"person\","), line);
        assertEquals(record, assertInstanceOf(FileRecord.Person.class, NdjsonRecords.parse(1, line)).record());
        assertEquals("{\"kind\":\"person\"}", NdjsonRecords.line(ImportRecord.getDefaultInstance()));
    }

    @Test
    void aBlankLineIsNoRecord() {
        assertNull(NdjsonRecords.parse(1, "   "));
        assertNull(NdjsonRecords.parse(1, ""));
    }

    @Test
    void eachKindOfBadLineIsNamed() {
        assertTrue(reason("{\"kind\":\"person\",").startsWith("not JSON"), reason("{\"kind\":\"person\","));
        assertEquals("not a JSON object", reason("[1,2]"));
        assertEquals("not a JSON object", reason("\"person\""));
        assertTrue(reason("{\"person\":{}}").startsWith("no \"kind\""));
        assertTrue(reason("{\"kind\":7}").startsWith("no \"kind\""));
        assertTrue(reason("{\"kind\":\"prisoner\"}").contains("none of"));
        assertTrue(reason("{\"kind\":\"person\",\"persn\":{}}").startsWith("not a person record"), reason("{\"kind\":\"person\",\"persn\":{}}"));
        assertTrue(reason("{\"kind\":\"person\",\"person\":{\"accessLevel\":\"SECRET\"}}").startsWith("not a person record"));
        assertTrue(reason("{\"kind\":\"person\",\"person\":{\"displayName\":{\"first\":\"A\"}}}").startsWith("not a person record"));
    }

    @Test
    void statementKindsAreReportedUntilStatementServiceCanImportThem() {
        assertTrue(reason("{\"kind\":\"statement\",\"statement\":{}}").contains("cannot be imported by this version"));
        assertTrue(reason("{\"kind\":\"actor\"}").contains("cannot be imported by this version"));
    }
}
