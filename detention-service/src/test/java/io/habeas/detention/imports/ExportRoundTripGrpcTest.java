package io.habeas.detention.imports;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.courtEvent;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.incident;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.habeas.common.v1.AccessLevel;
import io.habeas.common.v1.ExternalId;
import io.habeas.detention.v1.ArticleReference;
import io.habeas.detention.v1.CourtEventType;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.ImportOutcome;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.detention.v1.ImportRecordsRequest;
import io.habeas.detention.v1.ImportRecordsResponse;
import io.habeas.detention.v1.IncidentType;
import io.habeas.detention.v1.ListDetentionsRequest;
import io.habeas.detention.v1.Person;
import io.habeas.detention.v1.SentenceTerm;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.Bearer;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An export imported into an empty database holds the same records, field by field; importing it
 * again changes nothing where a person is found again by its external ids.
 */
@QuarkusTest
class ExportRoundTripGrpcTest extends ExportGrpcTest {
    private static final ExternalId Q1 = ExternalId.newBuilder().setScheme("wikidata").setValue("Q1").build();

    /** A case recorded through the single writes (no import keys) and one imported with keys. */
    private void recordCases() {
        Person held = createPerson(ibadoglu().addExternalIds(Q1));
        Detention detention = createDetention(arrest(held.getName(), date(2023, 7, 0)));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2023, 7, 0))
                .setUntilDate(date(2023, 9, 0)).setPlace("Baku pre-trial centre"));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_DETENTION_EXTENDED, date(2023, 0, 0))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED).setDescription("The date is the year only."));
        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_HOUSE_ARREST, date(2024, 4, 22)));
        addCharge(detention, charge("204.3.1", date(2023, 7, 0)).setOffenceDescription("Counterfeit money"));
        addCharge(detention, charge("167-3.1", date(2023, 0, 0)).setArticle(ArticleReference.newBuilder()
                .setArticle("167-3").setPart("1")));
        addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_TRIAL_OPENED, date(2024, 1, 0))
                .setClosedToPublic(true).setPlace("Baku"));
        addIncident(held, incident(IncidentType.INCIDENT_TYPE_TRAVEL_BAN, date(2023, 5, 12)));
        Person released = createPerson(person("Released Without Ids", "AZ").setAccessLevel(AccessLevel.ACCESS_LEVEL_RESTRICTED));
        Detention ended = createDetention(arrest(released.getName(), date(2022, 1, 10))
                .setAccessLevel(AccessLevel.ACCESS_LEVEL_CONFIDENTIAL));
        addEvent(ended, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2022, 3, 0)));
        ImportRecord imported = detained("Imported With Keys");
        send(batch(imported.toBuilder().setPerson(imported.getPerson().toBuilder()
                .addExternalIds(ExternalId.newBuilder().setScheme("partner").setValue("case-9"))).build())).only();
    }

    @Test
    void anExportImportedIntoAnEmptyDatabaseHoldsTheSameRecordsFieldByField() {
        recordCases();
        List<ImportRecord> first = export(Role.ADMIN, 0).records();
        List<List<Detention>> derivedBefore = derived(first);

        database.clear();
        ImportRecordsResponse restored = restore(first);
        List<ImportRecord> second = export(Role.ADMIN, 0).records();

        assertEquals(List.of(3, 0), List.of(restored.getCreated(), restored.getRejected()), restored.toString());
        assertEquals(withoutNames(first), withoutNames(second));
        assertEquals(derivedBefore, derived(second), "current status, end and days in custody as before");
        for (int i = 0; i < first.size(); i++) {
            assertEquals(second.get(i).getPerson().getName(), restored.getResults(i).getPerson());
            assertNotEquals(first.get(i).getPerson().getName(), second.get(i).getPerson().getName());
        }
    }

    @Test
    void aRecordStoredWithoutAKeyIsExportedWithItsIdAsKeySoARestoreAgainUpdatesIt() {
        recordCases();
        List<ImportRecord> exported = export(Role.ADMIN, 0).records();
        ImportRecord recorded = exported.get(0);
        String detentionId = recorded.getDetentions(0).getDetention().getName().substring("detentions/".length());
        database.clear();
        restore(exported);

        ImportRecordsResponse again = restore(exported);

        assertEquals(detentionId, recorded.getDetentions(0).getImportKey());
        assertEquals("case-1", exported.get(2).getDetentions(0).getImportKey(), "a stored key is kept");
        assertEquals(List.of(ImportOutcome.IMPORT_OUTCOME_UNCHANGED, ImportOutcome.IMPORT_OUTCOME_CREATED,
                ImportOutcome.IMPORT_OUTCOME_UNCHANGED), again.getResultsList().stream().map(r -> r.getOutcome()).toList(),
                "a person without external ids is created again; the others are found and unchanged");
    }

    @Test
    void whatTheImportCannotTakeIsLeftOutOfTheExport() {
        Person held = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(held.getName(), date(2023, 7, 0)));
        var convicted = addCharge(detention, charge("204.3.1", date(2023, 7, 0)));
        addCourtEvent(detention, courtEvent(CourtEventType.COURT_EVENT_TYPE_VERDICT, date(2024, 9, 0))
                .addCharges(convicted.getName()).setSentence(SentenceTerm.newBuilder().setYears(10)));

        ImportRecord exported = export(Role.ADMIN, 0).records().get(0);

        var verdict = exported.getDetentions(0).getCourtEvents(0).getCourtEvent();
        assertEquals(List.of(), verdict.getChargesList());
        assertTrue(!verdict.hasSentence());
        var charge = exported.getDetentions(0).getCharges(0).getCharge();
        assertTrue(!charge.hasArticle() && charge.getStatusHistoryCount() == 0 && charge.getEtag().isEmpty(), charge.toString());
        var detained = exported.getDetentions(0).getDetention();
        assertTrue(detained.getPerson().isEmpty() && !detained.hasCreateTime() && !detained.hasEndDate(), detained.toString());
        assertEquals(detention.getName(), detained.getName(), "the name in this instance is kept");
    }

    private ImportRecordsResponse restore(List<ImportRecord> records) {
        return ImportStream.send(Bearer.as(importsChannel, Role.ADMIN),
                ImportRecordsRequest.newBuilder().setBatchId(requestId()).addAllRecords(records).build()).only();
    }

    /** Each exported person's detentions as a read shows them, without what differs between instances. */
    private List<List<Detention>> derived(List<ImportRecord> records) {
        return records.stream().map(r -> detentions.listDetentions(ListDetentionsRequest.newBuilder()
                .setPerson(r.getPerson().getName()).build()).getDetentionsList().stream()
                .map(d -> d.toBuilder().clearName().clearPerson().clearCreateTime().clearUpdateTime().clearEtag().build())
                .toList()).toList();
    }

    private static List<Message> withoutNames(List<ImportRecord> records) {
        return records.stream().map(ExportRoundTripGrpcTest::withoutNames).toList();
    }

    /** The message without its resource names (IDENTIFIER fields), at any depth. */
    private static Message withoutNames(Message message) {
        Message.Builder builder = message.toBuilder();
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            if (field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior).contains(FieldBehavior.IDENTIFIER)) {
                builder.clearField(field);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (field.isRepeated()) {
                    for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                        builder.setRepeatedField(field, i, withoutNames((Message) message.getRepeatedField(field, i)));
                    }
                } else if (message.hasField(field)) {
                    builder.setField(field, withoutNames((Message) message.getField(field)));
                }
            }
        }
        return builder.build();
    }
}
