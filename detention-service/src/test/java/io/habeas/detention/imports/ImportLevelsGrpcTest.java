package io.habeas.detention.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.grpc.Status;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.ExternalId;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.ImportOutcome;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.Bearer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Access levels as the single writes give them, and who may import. */
@QuarkusTest
class ImportLevelsGrpcTest extends ImportGrpcTest {
    private static final ExternalId Q1 = ExternalId.newBuilder().setScheme("wikidata").setValue("Q1").build();

    private ImportRecord withoutLevels(String name) {
        ImportRecord record = detained(name);
        var detention = record.getDetentions(0).toBuilder();
        detention.setDetention(detention.getDetention().toBuilder().clearAccessLevel());
        return record.toBuilder().setPerson(record.getPerson().toBuilder().clearAccessLevel().addExternalIds(Q1))
                .setDetentions(0, detention).build();
    }

    @Test
    void aPersonWithoutLevelStaysRestrictedAndItsDetentionTakesItsLevel() {
        String name = send(batch(withoutLevels("Levelless"))).only().getResults(0).getPerson();

        assertEquals(AccessLevel.ACCESS_LEVEL_RESTRICTED,
                persons.getPerson(GetPersonRequest.newBuilder().setName(name).build()).getPerson().getAccessLevel());
        assertEquals(AccessLevel.ACCESS_LEVEL_RESTRICTED, detentions.listDetentions(ListDetentionsRequest.newBuilder()
                .setPerson(name).build()).getDetentions(0).getAccessLevel());
    }

    @Test
    void aReimportWithoutLevelKeepsTheStoredOneAndARecorderMayNotChangeIt() {
        send(batch(withoutLevels("Levelled"))).only();
        ImportRecord same = withoutLevels("Levelled");
        ImportRecord madePublic = same.toBuilder()
                .setPerson(same.getPerson().toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)).build();

        var answer = send(batch(same, madePublic)).only();

        assertEquals(ImportOutcome.IMPORT_OUTCOME_UNCHANGED, answer.getResults(0).getOutcome());
        assertEquals(ImportOutcome.IMPORT_OUTCOME_REJECTED, answer.getResults(1).getOutcome());
        assertEquals(Status.Code.PERMISSION_DENIED.value(), answer.getResults(1).getError().getCode());
        assertEquals(AccessLevel.ACCESS_LEVEL_RESTRICTED, persons.getPerson(GetPersonRequest.newBuilder()
                .setName(answer.getResults(0).getPerson()).build()).getPerson().getAccessLevel());
    }

    @Test
    void anAdminMayChangeTheLevelByReimport() {
        send(batch(withoutLevels("Levelled"))).only();
        ImportRecord same = withoutLevels("Levelled");
        ImportRecord madePublic = same.toBuilder()
                .setPerson(same.getPerson().toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC)).build();

        var answer = ImportStream.send(Bearer.as(importsChannel, Role.ADMIN), batch(madePublic)).only();

        assertEquals(ImportOutcome.IMPORT_OUTCOME_UPDATED, answer.getResults(0).getOutcome());
        assertEquals(AccessLevel.ACCESS_LEVEL_PUBLIC, persons.getPerson(GetPersonRequest.newBuilder()
                .setName(answer.getResults(0).getPerson()).build()).getPerson().getAccessLevel());
    }

    @Test
    void aRecordNamingAPersonTheRecorderMayNotSeeIsRejectedWithoutNamingIt() {
        var hidden = createPerson(io.habeas.detention.support.Fixtures.person("Hidden", "AZ")
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL).addExternalIds(Q1));

        var answer = send(batch(withoutLevels("Seen Elsewhere"))).only();

        assertEquals(ImportOutcome.IMPORT_OUTCOME_REJECTED, answer.getResults(0).getOutcome());
        assertEquals(Status.Code.ALREADY_EXISTS.value(), answer.getResults(0).getError().getCode());
        assertFalse(answer.getResults(0).getError().toString().contains(hidden.getName().substring("persons/".length())));
        assertEquals(1, database.count("person"));
    }

    @Test
    void anImportKeyNamingARecordTheRecorderMayNotSeeRejectsTheRecord() {
        ImportRecord record = withoutLevels("Partly Hidden").toBuilder()
                .setPerson(withoutLevels("Partly Hidden").getPerson().toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_PUBLIC))
                .build();
        var confidential = record.getDetentions(0).toBuilder();
        confidential.setDetention(confidential.getDetention().toBuilder().setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        ImportStream.send(Bearer.as(importsChannel, Role.ADMIN), batch(record.toBuilder().setDetentions(0, confidential).build()))
                .only();

        var answer = send(batch(record)).only();

        assertEquals(ImportOutcome.IMPORT_OUTCOME_REJECTED, answer.getResults(0).getOutcome());
        assertEquals(Status.Code.ALREADY_EXISTS.value(), answer.getResults(0).getError().getCode());
        assertEquals(1, database.count("detention"));
    }

    @Test
    void aViewerOrAnalystOrNoTokenIsRefusedAndNothingStored() {
        var viewer = ImportStream.send(Bearer.as(importsChannel, Role.VIEWER), batch(detained("Viewer's")));
        var analyst = ImportStream.send(Bearer.as(importsChannel, Role.ANALYST), batch(detained("Analyst's")));
        var anonymous = ImportStream.send(importsChannel, batch(person("Nobody's")));

        assertEquals(Status.Code.PERMISSION_DENIED, viewer.code());
        assertEquals(Status.Code.PERMISSION_DENIED, analyst.code());
        assertEquals(Status.Code.UNAUTHENTICATED, anonymous.code());
        assertEquals(0, database.count("person"));
        assertEquals(0, database.count("request_log"));
    }

    private static ImportRecord person(String name) {
        return ImportRecord.newBuilder().setPerson(io.habeas.detention.support.Fixtures.person(name, "AZ")).build();
    }
}
