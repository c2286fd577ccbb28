package io.habeas.statement.imports;

import static io.habeas.statement.support.Fixtures.blinken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.statement.v1.ImportRecord;
import io.habeas.support.testing.SqlLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What a batch costs the database and detention-service. The lookups a re-import needs are one
 * statement each per batch whatever its size, and its persons one call to detention-service; new
 * statements are stored together, a fixed number of statements whatever their number, and updates
 * run through the single writes' use cases.
 */
@QuarkusTest
class ImportCostGrpcTest extends ImportGrpcTest {
    private static final Logger LOG = Logger.getLogger(ImportCostGrpcTest.class);

    private static long matching(List<String> statements, String fragment) {
        return statements.stream().filter(sql -> sql.contains(fragment)).count();
    }

    private ImportRecord[] keyed(int count, String person) {
        return IntStream.range(0, count).mapToObj(i -> i == 0 ? actor(blinken().addExternalIds(id("wikidata", "Q311440")))
                : statementBy(id("wikidata", "Q311440"), "key-" + i, "Statement " + i, person)).toArray(ImportRecord[]::new);
    }

    @Test
    void newStatementsCostTheSameStatementsWhateverTheirNumber() {
        List<List<String>> costs = new ArrayList<>();
        for (int size : new int[] {2, 12, 60}) {
            database.clear();
            ImportRecord[] records = keyed(size, detention.knownPerson());
            SqlLog.clear();

            var answer = send(batch(records)).only();

            List<String> statements = SqlLog.statements();
            assertEquals(size, answer.getCreated());
            assertEquals(size - 1, database.count("claim_subject_person"), "projected, batch of " + size);
            assertEquals(size, database.count("revision"), "a revision each, batch of " + size);
            for (String table : List.of("statement", "claim")) {
                assertEquals(1, matching(statements, "insert into " + table + " ("), table + " rows, batch of " + size);
            }
            assertEquals(2, matching(statements, "insert into revision ("), "the actor's, then the statements', batch of " + size);
            assertEquals(1, matching(statements, "from actor a1_0 where a1_0.id=?"), "the actor asked once, batch of " + size);
            costs.add(statements);
        }
        assertEquals(costs.get(0), costs.get(1), "the statements of 1 and 11 new statements");
        assertEquals(costs.get(0), costs.get(2), "the statements of 1 and 59 new statements");
    }

    @Test
    void reimportLookupsAreOneStatementEachWhateverTheBatchSize() {
        for (int size : new int[] {2, 12}) {
            database.clear();
            ImportRecord[] records = keyed(size, detention.knownPerson());
            SqlLog.clear();
            int calls = detention.calls();
            send(batch(records)).only();
            LOG.infof("import of %d new records (an actor, statements with a claim): %d statements, %d calls to detention",
                    size, SqlLog.statements().size(), detention.calls() - calls);
            SqlLog.clear();
            calls = detention.calls();

            var answer = send(batch(records)).only();

            List<String> statements = SqlLog.statements();
            assertEquals(size, answer.getUnchanged());
            assertEquals(1, matching(statements, "FROM actor_external_id r JOIN unnest"), "external ids, batch of " + size);
            assertEquals(1, matching(statements, "WHERE import_key = ANY"), "import keys, batch of " + size);
            assertEquals(1, detention.calls() - calls, "persons, batch of " + size);
            LOG.infof("re-import of %d unchanged records: %d statements", size, statements.size());
        }
    }

    @Test
    void recordsThatFailTheirOwnChecksCostTheBatchNoSecondTry() {
        String person = detention.knownPerson();
        send(batch(keyed(1, person))).only();
        SqlLog.clear();

        var answer = send(batch(statementBy(id("wikidata", "Q311440"), "a", "Before", person),
                statementBy(id("wikidata", "Q311440"), "b", "", person),
                statementBy(id("wikidata", "Q311440"), "c", "After", person))).only();

        assertEquals(2, answer.getCreated());
        assertEquals(2, database.count("statement"));
        assertEquals(1, SqlLog.statements().stream().filter(sql -> sql.startsWith("insert into statement ")).count(),
                "the good statements inserted together, once: " + SqlLog.statements());
    }

    @Test
    void aFiveHundredRecordBatchIsStoredInOneCall() {
        String person = detention.knownPerson();
        send(batch(keyed(1, person))).only();
        ImportRecord[] records = IntStream.range(0, 500).mapToObj(i -> statementBy(id("wikidata", "Q311440"), "bulk-" + i,
                "Bulk " + i, person)).toArray(ImportRecord[]::new);

        long started = System.nanoTime();
        var answer = send(batch(records)).only();
        double seconds = (System.nanoTime() - started) / 1e9;
        long first = System.nanoTime();
        send(batch(Arrays.copyOf(records, 50))).only();
        LOG.infof("50 of them again, unchanged: %.2f s", (System.nanoTime() - first) / 1e9);

        assertEquals(500, answer.getCreated());
        assertEquals(500, database.count("statement"));
        assertTrue(answer.getResultsList().stream().allMatch(r -> r.getName().startsWith("statements/")));
        LOG.infof("500-statement batch: %.2f s, %.0f statements/s", seconds, 500 / seconds);
    }
}
