package io.habeas.detention.imports;

import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.habeas.common.v1.ExternalId;
import io.habeas.detention.domain.Person;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.ImportCustodyEvent;
import io.habeas.detention.v1.ImportDetention;
import io.habeas.detention.v1.ImportOutcome;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.kernel.names.PersonName;
import io.habeas.support.testing.GrpcAssertions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A new person's record is built in memory and stored with the batch's other new records: what it
 * stores, and what it refuses, must be what the single writes store and refuse.
 */
@QuarkusTest
class ImportNewRecordsGrpcTest extends ImportGrpcTest {
    /**
     * Everything under the person that the rules derive (feed placement, levels, outcomes, revisions, its shares of
     * its country's statistics), without ids or times.
     */
    private static final List<String> DERIVED = List.of("""
            SELECT kind, status_change_index, date_year, date_month, date_day, stage, placed_year, placed_month, placed_day,
                   access_level, detaining_country
            FROM feed_entry WHERE person_id = :person
            ORDER BY placed_sort, placed_rank, stage, sort_date, kind""", """
            SELECT o.reader_level, o.current_status, o.end_year, o.end_month, o.end_day
            FROM detention_outcome o JOIN detention d ON d.id = o.detention_id WHERE d.person_id = :person
            ORDER BY o.reader_level""", """
            SELECT resource_type, action, access_level, count(*) FROM revision WHERE resource_id IN (
                SELECT id FROM person WHERE id = :person
                UNION ALL SELECT id FROM detention WHERE person_id = :person
                UNION ALL SELECT e.id FROM custody_event e JOIN detention d ON d.id = e.detention_id WHERE d.person_id = :person
                UNION ALL SELECT c.id FROM charge c JOIN detention d ON d.id = c.detention_id WHERE d.person_id = :person
                UNION ALL SELECT k.id FROM court_event k JOIN detention d ON d.id = k.detention_id WHERE d.person_id = :person)
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""", """
            SELECT e.type, e.occurred_year, e.occurred_month, e.occurred_day, e.access_level, e.import_key
            FROM custody_event e JOIN detention d ON d.id = e.detention_id WHERE d.person_id = :person
            ORDER BY e.occurred_sort""", """
            SELECT reader_level, country, kind, year, month, jurisdiction, legal_code, article, n
            FROM country_share WHERE person_id = :person ORDER BY 1, 2, 3, 4, 5, 6, 7, 8""");

    @Inject
    EntityManager entityManager;

    @Test
    void aRealisticRecordIsStoredAsTheSingleWritesStoreItOneByOne() {
        ImportRecord record = ImportThroughputGrpcTest.realistic(0);

        var imported = send(batch(record)).only().getResults(0);
        String single = storedBySingleWrites(record);

        assertEquals(ImportOutcome.IMPORT_OUTCOME_CREATED, imported.getOutcome());
        for (String query : DERIVED) {
            List<String> byImport = rows(query, imported.getPerson());
            assertEquals(rows(query, single), byImport, query);
            assertFalse(byImport.isEmpty(), query);
        }
    }

    @Test
    void aNewRecordWhoseCustodyHistoryDoesNotHoldIsRejectedWithoutASecondTry() {
        ImportDetention.Builder detention = detained("x").getDetentions(0).toBuilder().clearCustodyEvents()
                .addCustodyEvents(ImportCustodyEvent.newBuilder().setCustodyEvent(
                        event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 4, 1))))
                .addCustodyEvents(ImportCustodyEvent.newBuilder().setCustodyEvent(
                        event(CustodyEventType.CUSTODY_EVENT_TYPE_TRANSFER, date(2024, 5, 1))));
        ImportRecord afterRelease = detained("Moved After Release").toBuilder().setDetentions(0, detention).build();
        database.statistics().clear();

        var answer = send(batch(detained("Before"), afterRelease, detained("After"))).only();

        assertEquals(2, answer.getCreated());
        assertEquals(ImportOutcome.IMPORT_OUTCOME_REJECTED, answer.getResults(1).getOutcome());
        assertEquals(Status.Code.FAILED_PRECONDITION.value(), answer.getResults(1).getError().getCode());
        assertEquals("EVENT_AFTER_FINAL_RELEASE",
                GrpcAssertions.detail(answer.getResults(1).getError(), ErrorInfo.class).getReason());
        assertEquals(2, database.statistics().getEntityStatistics(Person.class.getName()).getInsertCount(),
                "the good persons inserted once each, the refused one never");
        assertEquals(2, database.count("person"));
        assertEquals(2, database.count("custody_event"));
        assertEquals(2 * 5, database.count("revision"), "person, detention, custody event, charge, incident of each good record");
    }

    @Test
    void aSecondRecordWithAnIdentifierTheBatchGaveANewPersonIsRefusedAsCreatePersonRefusesIt() {
        ImportRecord first = ImportRecord.newBuilder().setPerson(detained("First").getPerson().toBuilder()
                .addExternalIds(ExternalId.newBuilder().setScheme("partner").setValue("case-7"))).build();
        ImportRecord second = ImportRecord.newBuilder().setPerson(detained("Second").getPerson().toBuilder()
                .addExternalIds(ExternalId.newBuilder().setScheme("partner").setValue("case-7"))).build();

        var answer = send(batch(first, second)).only();

        assertEquals(1, answer.getCreated());
        assertEquals(Status.Code.ALREADY_EXISTS.value(), answer.getResults(1).getError().getCode());
        assertEquals("EXTERNAL_ID_TAKEN", GrpcAssertions.detail(answer.getResults(1).getError(), ErrorInfo.class).getReason());
        assertEquals(1, database.count("person"));
    }

    @Test
    void anIdentifierAnEarlierRecordGaveAStoredPersonIsRefusedToANewOne() {
        ImportRecord stored = ImportRecord.newBuilder().setPerson(detained("Stored").getPerson().toBuilder()
                .addExternalIds(ExternalId.newBuilder().setScheme("partner").setValue("case-1"))).build();
        send(batch(stored)).only();
        ImportRecord given = stored.toBuilder().setPerson(stored.getPerson().toBuilder()
                .addExternalIds(ExternalId.newBuilder().setScheme("registry").setValue("R-9"))).build();
        ImportRecord taking = ImportRecord.newBuilder().setPerson(detained("Newcomer").getPerson().toBuilder()
                .addExternalIds(ExternalId.newBuilder().setScheme("registry").setValue("R-9"))).build();

        var answer = send(batch(given, taking)).only();

        assertEquals(1, answer.getUpdated());
        assertEquals(Status.Code.ALREADY_EXISTS.value(), answer.getResults(1).getError().getCode());
        assertEquals("EXTERNAL_ID_TAKEN", GrpcAssertions.detail(answer.getResults(1).getError(), ErrorInfo.class).getReason());
        assertEquals(1, database.count("person"));
    }

    /** The record stored by CreatePerson, CreateDetention and the other single writes, one call each; its person's name. */
    private String storedBySingleWrites(ImportRecord record) {
        var person = createPerson(record.getPerson().toBuilder().setDisplayName("Single " + record.getPerson().getDisplayName())
                .clearExternalIds());
        for (ImportDetention imported : record.getDetentionsList()) {
            Detention detention = createDetention(imported.getDetention().toBuilder().setPerson(person.getName()));
            imported.getCustodyEventsList().forEach(e -> addEvent(detention, e.getCustodyEvent().toBuilder()));
            imported.getChargesList().forEach(c -> addCharge(detention, c.getCharge().toBuilder()));
            imported.getCourtEventsList().forEach(e -> addCourtEvent(detention, e.getCourtEvent().toBuilder()));
        }
        return person.getName();
    }

    /** The query's rows about the person, each as a text, import keys left out (the single writes set none). */
    private List<String> rows(String query, String person) {
        UUID id = PersonName.parse(person, "person").id();
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(query.replace("e.import_key", "''"))
                .setParameter("person", id).getResultList().stream()
                .map(row -> row instanceof Object[] columns ? Arrays.toString(columns) : String.valueOf(row)).toList());
    }
}
