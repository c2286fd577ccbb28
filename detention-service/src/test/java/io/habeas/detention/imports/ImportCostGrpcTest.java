package io.habeas.detention.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.habeas.common.v1.ExternalId;
import io.habeas.detention.v1.ImportRecord;
import io.habeas.support.testing.SqlLog;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * What a batch costs the database. The lookups a re-import needs are one statement per batch
 * whatever its size; new persons' records are stored together, a few statements per batch; a
 * re-import's writes run through the single writes' use cases.
 */
@QuarkusTest
class ImportCostGrpcTest extends ImportGrpcTest {
    private static final Logger LOG = Logger.getLogger(ImportCostGrpcTest.class);

    private static ImportRecord[] keyed(int count) {
        return IntStream.range(0, count).mapToObj(i -> {
            ImportRecord record = detained("Person " + i);
            return record.toBuilder().setPerson(record.getPerson().toBuilder()
                    .addExternalIds(ExternalId.newBuilder().setScheme("partner").setValue("case-" + i))).build();
        }).toArray(ImportRecord[]::new);
    }

    /** Statements by their first words and table, for the log. */
    static java.util.Map<String, Long> kinds(List<String> statements) {
        return statements.stream().collect(java.util.stream.Collectors.groupingBy(
                sql -> sql.split("\\s+")[0].toLowerCase() + " " + java.util.regex.Pattern
                        .compile("(?i)\\b(?:from|into|update|select habeas_\\w+|join)\\s+(\\w+)").matcher(sql).results()
                        .map(m -> m.group(1)).findFirst().orElse(""),
                java.util.TreeMap::new, java.util.stream.Collectors.counting()));
    }

    /** Person rows inserted since the statistics were cleared (a JDBC batch inserts many in one statement). */
    private long personsInserted() {
        return database.statistics().getEntityStatistics(io.habeas.detention.domain.Person.class.getName()).getInsertCount();
    }

    private static long matching(List<String> statements, String fragment) {
        return statements.stream().filter(sql -> sql.contains(fragment)).count();
    }

    @Test
    void reimportLookupsAreOneStatementPerTableWhateverTheBatchSize() {
        for (int size : new int[] {2, 12}) {
            database.clear();
            ImportRecord[] records = keyed(size);
            SqlLog.clear();
            send(batch(records)).only();
            LOG.infof("import of %d new records (person, detention, custody event, charge, incident): %d statements %s", size,
                    SqlLog.statements().size(), kinds(SqlLog.statements()));
            SqlLog.clear();

            var answer = send(batch(records)).only();

            List<String> statements = SqlLog.statements();
            assertEquals(size, answer.getUnchanged());
            assertEquals(1, matching(statements, "FROM person_external_id r JOIN unnest"), "external ids, batch of " + size);
            assertEquals(5, matching(statements, "AND import_key IS NOT NULL"), "import keys, batch of " + size);
            LOG.infof("re-import of %d unchanged records: %d statements", size, statements.size());
        }
    }

    /**
     * New records are stored together: per batch, the external-id lookup, the request log's lookup
     * and row, one insert per table written (one more for each further 500 rows of a table, sent
     * as one multi-row INSERT) and one statement placing the new detentions' feed entries.
     * Nothing per record.
     */
    @Test
    void aBatchOfNewRecordsCostsTheSameStatementsWhateverItsSize() {
        List<List<String>> costs = new java.util.ArrayList<>();
        for (int size : new int[] {1, 40}) {
            database.clear();
            SqlLog.clear();

            assertEquals(size, send(batch(keyed(size))).only().getCreated());

            costs.add(SqlLog.statements());
        }
        assertEquals(costs.get(0), costs.get(1));
        assertEquals(12, costs.get(1).size(), "person, detention, detention_outcome, custody_event, charge, incident, feed_entry"
                + " and revision inserts, the lookups of external ids and the request, its log row, the placement: " + costs.get(1));
        assertEquals(1, matching(costs.get(1), "insert into feed_entry "));
    }

    @Test
    void recordsThatFailTheirOwnChecksCostTheBatchNoSecondTry() {
        ImportRecord nameless = ImportRecord.newBuilder().setPerson(io.habeas.detention.support.Fixtures.person("", "AZ")).build();
        database.statistics().clear();

        var answer = send(batch(detained("Before"), nameless, detained("After"))).only();

        assertEquals(2, answer.getCreated());
        assertEquals(1, answer.getRejected());
        assertEquals(2, personsInserted(), "each good person inserted once");
    }

    @Test
    void aRecordTheStoredStateRefusesCostsOneMoreTry() {
        ImportRecord twoOngoing = detained("Twice Held").toBuilder()
                .addDetentions(detained("x").getDetentions(0).toBuilder().setImportKey("case-2")).build();
        database.statistics().clear();

        var answer = send(batch(detained("Before"), twoOngoing)).only();

        assertEquals(1, answer.getRejected());
        assertEquals(3, personsInserted(), "Before, then Twice Held, then Before again in the second try");
    }

    @Test
    void aFiveHundredPersonBatchIsStoredInOneCall() {
        ImportRecord[] records = IntStream.range(0, 500).mapToObj(i -> ImportRecord.newBuilder()
                .setPerson(io.habeas.detention.support.Fixtures.person("Bulk " + i, "AZ")).build()).toArray(ImportRecord[]::new);
        send(batch(ImportRecord.newBuilder().setPerson(io.habeas.detention.support.Fixtures.person("Warm-up", "AZ")).build()));

        long started = System.nanoTime();
        var answer = send(batch(records)).only();
        double seconds = (System.nanoTime() - started) / 1e9;

        assertEquals(500, answer.getCreated());
        assertEquals(501, database.count("person"));
        assertTrue(answer.getResultsList().stream().allMatch(r -> r.getPerson().startsWith("persons/")));
        LOG.infof("500-person batch: %.2f s, %.0f persons/s", seconds, 500 / seconds);
    }
}
