package io.habeas.detention.history;

import static io.habeas.detention.support.Fixtures.arrest;
import static io.habeas.detention.support.Fixtures.date;
import static io.habeas.detention.support.Fixtures.event;
import static io.habeas.detention.support.Fixtures.ibadoglu;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.detention.support.HistoryCase;
import io.habeas.detention.v1.CustodyEventType;
import io.habeas.detention.v1.Detention;
import io.habeas.detention.v1.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history the triggers keep: what they write, what they leave alone, and that nobody rewrites it. */
@QuarkusTest
class HistoryTablesTest extends HistoryCase {
    private static final List<String> VERSIONED = List.of("person", "detention", "custody_event", "charge", "feed_entry",
            "detention_outcome", "incident", "court_event");

    @Inject
    EntityManager entityManager;

    @Test
    void eachHistoryTableHoldsItsTablesColumnsAndWhenTheyStoppedBeingCurrent() {
        for (String table : VERSIONED) {
            Map<String, String> columns = columns(table);
            columns.put("recorded_until", "timestamp with time zone");
            assertTrue(columns.containsKey("recorded_from"), table);
            assertEquals(columns, columns(table + "_history"), table);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> columns(String table) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = :table").setParameter("table", table).getResultList());
        Map<String, String> columns = new java.util.TreeMap<>();
        rows.forEach(r -> columns.put((String) r[0], (String) r[1]));
        return columns;
    }

    @Test
    void aWriteKeepsNoHistoryOfRowsItWroteItselfOnlyOfThoseItReplaced() {
        Person person = createPerson(ibadoglu());
        Detention detention = createDetention(arrest(person.getName(), date(2023, 7, 23)));
        // The creation inserted the detention, its outcomes and its feed entry, then wrote them again.
        VERSIONED.forEach(table -> assertEquals(0, database.count(table + "_history"), table));

        addEvent(detention, event(CustodyEventType.CUSTODY_EVENT_TYPE_RELEASE, date(2024, 1, 1)));
        assertEquals(1, database.count("detention_history")); // touched by the event: its version before
        assertEquals(3, database.count("detention_outcome_history")); // released, for every reader level
        assertEquals(0, database.count("feed_entry_history"));
        assertEquals(0, database.count("custody_event_history"));
    }

    @Test
    void anUpdateThatChangesNothingKeepsNoHistory() {
        Person person = createPerson(ibadoglu());
        createDetention(arrest(person.getName(), date(2023, 7, 23)));
        // A person's correction refreshes the levels of its feed entries; they stay as they were.
        updatePerson(person, "description", Person.newBuilder().setDescription("Economist"));
        assertEquals(1, database.count("person_history"));
        assertEquals(0, database.count("feed_entry_history"));

        Object recordedFrom = single("SELECT recorded_from FROM person");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE person SET display_name = display_name, citizenships = citizenships, sources = sources").executeUpdate());
        assertEquals(1, database.count("person_history"));
        assertEquals(recordedFrom, single("SELECT recorded_from FROM person"));
    }

    @Test
    void historyTablesRefuseUpdatesDeletesAndTruncation() {
        Person person = createPerson(ibadoglu());
        updatePerson(person, "description", Person.newBuilder().setDescription("Economist"));
        assertEquals(1, database.count("person_history"));

        for (String change : List.of("UPDATE person_history SET display_name = 'Someone else'", "DELETE FROM person_history",
                "TRUNCATE person_history")) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                    .run(() -> entityManager.createNativeQuery(change).executeUpdate()), change);
            assertTrue(rootMessage(refused).contains("person_history is append-only"), rootMessage(refused));
        }
        assertEquals(1, database.count("person_history"));
        assertEquals("Gubad Ibadoglu", single("SELECT display_name FROM person_history"));
    }

    private Object single(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql).getSingleResult());
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return String.valueOf(cause.getMessage());
    }
}
