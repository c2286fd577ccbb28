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
 * whatever its size; each record's own writes run through the single writes' use cases.
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
            LOG.infof("import of %d new records (person, detention, custody event, charge, incident): %d statements", size,
                    SqlLog.statements().size());
            SqlLog.clear();

            var answer = send(batch(records)).only();

            List<String> statements = SqlLog.statements();
            assertEquals(size, answer.getUnchanged());
            assertEquals(1, matching(statements, "FROM person_external_id r JOIN unnest"), "external ids, batch of " + size);
            assertEquals(5, matching(statements, "AND import_key IS NOT NULL"), "import keys, batch of " + size);
            LOG.infof("re-import of %d unchanged records: %d statements", size, statements.size());
        }
    }

    @Test
    void recordsThatFailTheirOwnChecksCostTheBatchNoSecondTry() {
        ImportRecord nameless = ImportRecord.newBuilder().setPerson(io.habeas.detention.support.Fixtures.person("", "AZ")).build();
        SqlLog.clear();

        var answer = send(batch(detained("Before"), nameless, detained("After"))).only();

        assertEquals(2, answer.getCreated());
        assertEquals(1, answer.getRejected());
        assertEquals(2, SqlLog.statements().stream().filter(sql -> sql.startsWith("insert into person ")).count(),
                "each good person inserted once: " + SqlLog.statements());
    }

    @Test
    void aRecordTheStoredStateRefusesCostsOneMoreTry() {
        ImportRecord twoOngoing = detained("Twice Held").toBuilder()
                .addDetentions(detained("x").getDetentions(0).toBuilder().setImportKey("case-2")).build();
        SqlLog.clear();

        var answer = send(batch(detained("Before"), twoOngoing)).only();

        assertEquals(1, answer.getRejected());
        assertEquals(3, SqlLog.statements().stream().filter(sql -> sql.startsWith("insert into person ")).count());
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
