package io.habeas.statement.history;

import static io.habeas.statement.support.Fixtures.blinken;
import static io.habeas.statement.support.Fixtures.claim;
import static io.habeas.statement.support.Fixtures.date;
import static io.habeas.statement.support.Fixtures.statement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.statement.support.HistoryCase;
import io.habeas.statement.v1.Actor;
import io.habeas.statement.v1.ClaimKind;
import io.habeas.statement.v1.Statement;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The history the triggers keep: what they write, what they leave alone, and that nobody rewrites it. */
@QuarkusTest
class HistoryTablesTest extends HistoryCase {
    private static final List<String> VERSIONED = List.of("actor", "statement", "claim", "claim_subject_person",
            "claim_country");

    @Inject
    EntityManager entityManager;

    private Statement callFor(String person) {
        Actor blinken = createActor(blinken());
        return createStatement(statement(blinken.getName(), date(2024, 4, 0), "Call with President Aliyev")
                .addClaims(claim(ClaimKind.CLAIM_KIND_CALL_FOR_RELEASE, "Called for his release").addSubjectPersons(person)
                        .setAddresseeCountry("AZ")));
    }

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
        Map<String, String> columns = new TreeMap<>();
        rows.forEach(r -> columns.put((String) r[0], (String) r[1]));
        return columns;
    }

    @Test
    void aWriteKeepsNoHistoryOfRowsItWroteItselfOnlyOfThoseItReplaced() {
        Statement call = callFor(detention.knownPerson());
        // The creation inserted the statement and its claim, then wrote their projections twice.
        VERSIONED.forEach(table -> assertEquals(0, database.count(table + "_history"), table));

        Statement retitled = updateStatement(call.toBuilder().setTitle("Secretary Blinken's call"), "title");
        assertEquals(1, database.count("statement_history"));
        assertEquals(0, database.count("claim_history"));
        // The projections are written only where they change (V9's change log sees only real changes): a new
        // title leaves them as they were.
        assertEquals(0, database.count("claim_subject_person_history"));
        assertEquals(0, database.count("claim_country_history"));

        updateStatement(retitled.toBuilder().setMadeOn(date(2024, 4, 22)), "made_on");
        // A new date moves the claims in their feeds: the projection rows it replaced are kept.
        assertEquals(1, database.count("claim_subject_person_history"));
        assertEquals(1, database.count("claim_country_history"));
    }

    @Test
    void anUpdateThatChangesNothingKeepsNoHistory() {
        callFor(detention.knownPerson());
        Object recordedFrom = single("SELECT recorded_from FROM statement");
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE statement SET title = title, sources = sources, state = state").executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE actor SET display_name = display_name, search_names = search_names").executeUpdate());
        assertEquals(0, database.count("statement_history"));
        assertEquals(0, database.count("actor_history"));
        assertEquals(recordedFrom, single("SELECT recorded_from FROM statement"));
    }

    @Test
    void historyTablesRefuseUpdatesDeletesAndTruncation() {
        Statement call = callFor(detention.knownPerson());
        updateStatement(call.toBuilder().setTitle("Secretary Blinken's call"), "title");
        assertEquals(1, database.count("statement_history"));

        for (String change : List.of("UPDATE statement_history SET title = 'Something else'", "DELETE FROM statement_history",
                "TRUNCATE statement_history")) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew()
                    .run(() -> entityManager.createNativeQuery(change).executeUpdate()), change);
            assertTrue(rootMessage(refused).contains("statement_history is append-only"), rootMessage(refused));
        }
        assertEquals("Call with President Aliyev", single("SELECT title FROM statement_history"));
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
