package io.habeas.detention.imports;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.charge;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static io.habeas.detention.support.Fixtures.incident;
import static io.habeas.detention.support.Fixtures.person;
import static io.habeas.detention.support.Fixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.habeas.common.v1.ExternalId;
import io.habeas.detention.support.GrpcTest;
import io.habeas.detention.v1.CreateChargeRequest;
import io.habeas.detention.v1.CreateCustodyEventRequest;
import io.habeas.detention.v1.CreateDetentionRequest;
import io.habeas.detention.v1.CreateIncidentRequest;
import io.habeas.detention.v1.CreatePersonRequest;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.FeedItem;
import io.habeas.detention.v1.GetPersonRequest;
import io.habeas.detention.v1.ImportCharge;
import io.habeas.detention.v1.ImportCustodyEvent;
import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportIncident;
import io.habeas.detention.v1.ImportOutcome;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.detention.v1.ImportRecordResult;
import io.habeas.detention.v1.ImportRecordsRequest;
import io.habeas.detention.v1.ImportRecordsResponse;
import io.habeas.detention.v1.ImportServiceGrpc;
import io.habeas.detention.v1.IncidentType;
import io.habeas.detention.v1.ListPersonFeedRequest;
import io.habeas.detention.v1.Person;
import io.habeas.kernel.access.Role;
import io.habeas.support.testing.Bearer;
import io.habeas.support.testing.GrpcAssertions;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ImportService.ImportRecords: batches of person records, each stored whole or rejected whole. */
@QuarkusTest
class ImportRecordsGrpcTest extends ImportGrpcTest {
    private List<FeedItem.Builder> feedOf(String person) {
        return detentions.listPersonFeed(ListPersonFeedRequest.newBuilder().setPerson(person).build()).getItemsList().stream()
                .map(item -> item.toBuilder().setPerson("").setDetentionName("").clearRecord()).toList();
    }

    @Test
    void storesRecordsReadableAsTheSingleWritesWouldMakeThem() {
        ImportRecordsResponse answer = send(batch(detained("Imported Person"))).only();

        assertEquals(1, answer.getCreated());
        ImportRecordResult result = answer.getResults(0);
        assertEquals(ImportOutcome.IMPORT_OUTCOME_CREATED, result.getOutcome());
        Person imported = persons.getPerson(GetPersonRequest.newBuilder().setName(result.getPerson()).build()).getPerson();
        assertEquals("Imported Person", imported.getDisplayName());

        Person single = createPerson(person("Single Person", "AZ"));
        var detention = detentions.createDetention(CreateDetentionRequest.newBuilder().setRequestId(requestId())
                .setDetention(arrest(single.getName(), date(2024, 3, 1))).build()).getDetention();
        detentions.createCustodyEvent(CreateCustodyEventRequest.newBuilder().setRequestId(requestId()).setParent(detention.getName())
                .setCustodyEvent(event(CustodyEventType.CUSTODY_EVENT_TYPE_PRE_TRIAL_DETENTION, date(2024, 3, 3))).build());
        detentions.createCharge(CreateChargeRequest.newBuilder().setRequestId(requestId()).setParent(detention.getName())
                .setCharge(charge("206.3.2", date(2024, 3, 2))).build());
        incidents.createIncident(CreateIncidentRequest.newBuilder().setRequestId(requestId()).setParent(single.getName())
                .setIncident(incident(IncidentType.INCIDENT_TYPE_TRAVEL_BAN, date(2023, 5, 1))).build());

        assertEquals(4, feedOf(imported.getName()).size());
        assertEquals(feedOf(single.getName()).stream().map(FeedItem.Builder::build).toList(),
                feedOf(imported.getName()).stream().map(FeedItem.Builder::build).toList());
    }

    @Test
    void rejectsEachBadRecordWholeWithItsPositionAndStoresTheGood() {
        ImportRecord badPerson = ImportRecord.newBuilder().setPerson(person("", "AZ")).build();
        ImportRecord badEvent = detained("Bad Event").toBuilder().setDetentions(0, detained("x").getDetentions(0).toBuilder()
                .setCustodyEvents(0, ImportCustodyEvent.newBuilder().setCustodyEvent(
                        event(CustodyEventType.CUSTODY_EVENT_TYPE_UNSPECIFIED, date(2024, 3, 3))))).build();

        ImportRecordsResponse answer = send(batch(detained("Good One"), badPerson, badEvent, detained("Good Two"))).only();

        assertEquals(2, answer.getCreated());
        assertEquals(2, answer.getRejected());
        assertEquals(ImportOutcome.IMPORT_OUTCOME_REJECTED, answer.getResults(1).getOutcome());
        assertEquals(List.of("person.display_name"), fields(answer.getResults(1)));
        assertEquals(Status.Code.INVALID_ARGUMENT.value(), answer.getResults(2).getError().getCode());
        assertEquals(List.of("detentions[0].custody_events[0].custody_event.type"), fields(answer.getResults(2)));
        assertEquals("", answer.getResults(2).getPerson());
        assertEquals(2, database.count("person"));
        assertEquals(2, database.count("detention"));
        assertEquals(2, database.count("custody_event"));
    }

    @Test
    void rejectsARecordTheStoredStateRefusesAndStoresTheRest() {
        ImportRecord twoOngoing = detained("Twice Held").toBuilder()
                .addDetentions(detained("x").getDetentions(0).toBuilder().setImportKey("case-2")).build();

        ImportRecordsResponse answer = send(batch(detained("Held Once"), twoOngoing)).only();

        assertEquals(1, answer.getCreated());
        assertEquals(ImportOutcome.IMPORT_OUTCOME_REJECTED, answer.getResults(1).getOutcome());
        assertEquals(Status.Code.FAILED_PRECONDITION.value(), answer.getResults(1).getError().getCode());
        assertEquals(1, database.count("person"));
        assertEquals(1, database.count("detention"));
    }

    @Test
    void aResentBatchStoresNothingAndGetsTheSameAnswer() {
        ImportRecordsRequest batch = batch(detained("Sent Twice"), ImportRecord.newBuilder().setPerson(person("", "AZ")).build());
        ImportRecordsResponse first = send(batch).only();

        ImportRecordsResponse again = send(batch).only();

        assertEquals(first, again);
        assertEquals(1, database.count("person"));
        assertEquals(1, database.count("detention"));
    }

    @Test
    void aBatchIdReusedForOtherRecordsIsAlreadyExistsAndStoresNothing() {
        ImportRecordsRequest batch = batch(detained("First"));
        send(batch);

        var reused = send(batch.toBuilder().setRecords(0, detained("Second")).build());

        assertEquals(Status.Code.ALREADY_EXISTS, reused.code());
        assertTrue(reused.responses().isEmpty());
        assertEquals(1, database.count("person"));
    }

    @Test
    void reimportByExternalIdAndImportKeysUpdatesInPlaceOrReportsUnchanged() {
        ExternalId wikidata = ExternalId.newBuilder().setScheme("wikidata").setValue("Q42").build();
        ImportRecord record = detained("Keyed Person").toBuilder()
                .setPerson(person("Keyed Person", "AZ").addExternalIds(wikidata)).build();
        send(batch(record)).only();
        long revisions = database.count("revision");

        ImportRecordsResponse same = send(batch(record)).only();
        assertEquals(1, same.getUnchanged());
        assertEquals(ImportOutcome.IMPORT_OUTCOME_UNCHANGED, same.getResults(0).getOutcome());
        assertEquals(revisions, database.count("revision"));

        ImportRecord changed = record.toBuilder()
                .setPerson(record.getPerson().toBuilder().setDescription("Economist"))
                .setDetentions(0, record.getDetentions(0).toBuilder()
                        .setDetention(record.getDetentions(0).getDetention().toBuilder().setPlace("Ganja")))
                .build();
        ImportRecordsResponse updated = send(batch(changed)).only();

        assertEquals(1, updated.getUpdated());
        assertEquals(same.getResults(0).getPerson(), updated.getResults(0).getPerson());
        assertEquals(1, database.count("person"));
        assertEquals(1, database.count("detention"));
        assertEquals(1, database.count("custody_event"));
        assertEquals(1, database.count("charge"));
        assertEquals(1, database.count("incident"));
        assertEquals(revisions + 2, database.count("revision"));
        Person stored = persons.getPerson(GetPersonRequest.newBuilder().setName(updated.getResults(0).getPerson()).build())
                .getPerson();
        assertEquals("Economist", stored.getDescription());
    }

    @Test
    void anOversizeBatchEndsTheStreamWithInvalidArgumentAfterTheBatchesBefore() {
        ImportRecord[] tooMany = new ImportRecord[501];
        java.util.Arrays.fill(tooMany, ImportRecord.newBuilder().setPerson(person("One Of Many", "AZ")).build());

        var stream = send(batch(detained("Before")), batch(tooMany), batch(detained("After")));

        assertEquals(Status.Code.INVALID_ARGUMENT, stream.code());
        assertEquals("records", GrpcAssertions.detail(stream.details(), BadRequest.class).getFieldViolations(0).getField());
        assertEquals(1, stream.responses().size());
        assertEquals(1, database.count("person"));
    }

    @Test
    void aBatchWithoutBatchIdEndsTheStreamWithInvalidArgument() {
        var stream = send(batch(detained("No Id")).toBuilder().clearBatchId().build());

        assertEquals(Status.Code.INVALID_ARGUMENT, stream.code());
        assertEquals("batch_id", GrpcAssertions.detail(stream.details(), BadRequest.class).getFieldViolations(0).getField());
        assertEquals(0, database.count("person"));
    }

    static List<String> fields(ImportRecordResult result) {
        return GrpcAssertions.detail(result.getError(), BadRequest.class).getFieldViolationsList().stream()
                .map(BadRequest.FieldViolation::getField).toList();
    }
}
