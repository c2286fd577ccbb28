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
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ActorKind;
import io.habeas.statement.v1.Claim;
import io.habeas.statement.v1.ImportStatement;
import io.habeas.statement.v1.Statement;
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
    void anActorLineAndAStatementLineAreStatementServiceRecords() {
        var actor = assertInstanceOf(FileRecord.Statement.class, NdjsonRecords.parse(2,
                "{\"kind\":\"actor\",\"actor\":{\"displayName\":\"UN WGAD\",\"kind\":\"ACTOR_KIND_INTERNATIONAL_BODY\","
                        + "\"externalIds\":[{\"scheme\":\"partner\",\"value\":\"wgad\"}]}}"));
        var statement = assertInstanceOf(FileRecord.Statement.class, NdjsonRecords.parse(3,
                "{\"kind\":\"statement\",\"statement\":{\"importKey\":\"s-1\",\"actorExternalId\":{\"scheme\":\"partner\","
                        + "\"value\":\"wgad\"},\"statement\":{\"title\":\"Opinion\",\"claims\":[{\"kind\":\"CLAIM_KIND_CALL_FOR_RELEASE\","
                        + "\"subjectPersons\":[\"persons/p1\"],\"text\":\"Release him\"}]}}}"));

        assertEquals(List.of(2), actor.lines());
        assertEquals("UN WGAD", actor.record().getActor().getDisplayName());
        assertEquals(ActorKind.ACTOR_KIND_INTERNATIONAL_BODY, actor.record().getActor().getKind());
        assertEquals("s-1", statement.record().getStatement().getImportKey());
        assertEquals("wgad", statement.record().getStatement().getActorExternalId().getValue());
        assertEquals(List.of("persons/p1"), statement.record().getStatement().getStatement().getClaims(0).getSubjectPersonsList());
    }

    @Test
    void anActorOrStatementWrittenAsALineReadsBackAsTheSameRecord() throws Exception {
        io.habeas.statement.v1.ImportRecord actor = io.habeas.statement.v1.ImportRecord.newBuilder()
                .setActor(Actor.newBuilder().setName("actors/a1").setDisplayName("Ä \"q\"")).build();
        io.habeas.statement.v1.ImportRecord statement = io.habeas.statement.v1.ImportRecord.newBuilder()
                .setStatement(ImportStatement.newBuilder().setImportKey("k").setStatement(Statement.newBuilder()
                        .setName("statements/s1").setActor("actors/a1").addClaims(Claim.newBuilder()
                                .setName("statements/s1/claims/c1").setAnswers("statements/s0/claims/c0")))).build();

        String actorLine = NdjsonRecords.line(actor);
        String statementLine = NdjsonRecords.line(statement);

        assertTrue(actorLine.startsWith("{\"kind\":\"actor\",\"actor\":{"), actorLine);
        assertTrue(statementLine.startsWith("{\"kind\":\"statement\",\"statement\":{"), statementLine);
        assertEquals(actor, assertInstanceOf(FileRecord.Statement.class, NdjsonRecords.parse(1, actorLine)).record());
        assertEquals(statement, assertInstanceOf(FileRecord.Statement.class, NdjsonRecords.parse(1, statementLine)).record());
    }

    @Test
    void anActorOrStatementLineThatIsNotItsKindIsNamed() {
        assertEquals("kind \"actor\" needs \"actor\" and nothing else", reason("{\"kind\":\"actor\"}"));
        assertEquals("kind \"actor\" needs \"actor\" and nothing else, not \"statement\"",
                reason("{\"kind\":\"actor\",\"statement\":{}}"));
        assertTrue(reason("{\"kind\":\"statement\",\"statement\":{\"statement\":{\"madeOn\":\"2024\"}}}")
                .startsWith("not a statement record"));
        assertTrue(reason("{\"kind\":\"actor\",\"actor\":{\"displayName\":\"A\"},\"statement\":{}}")
                .startsWith("not an actor record"));
        assertTrue(reason("{\"kind\":\"actor\",\"actor\":{\"person\":{\"id\":7}}}").startsWith("not an actor record"));
    }
}
